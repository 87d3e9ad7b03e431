package com.authservice.migrate.errors;

/** A migration could not get its table locks in any of its attempts; it was rolled back each time. */
public final class LockWaitExhausted extends MigrationException {
  public LockWaitExhausted(String fileName, String within, int attempts, String blockers) {
    super(fileName + " could not get its locks within " + within + " in " + attempts + " attempts; "
        + (blockers.isEmpty() ? "the blocking session had ended" : "blocked by " + blockers)
        + ". The migration was rolled back: nothing of it was applied. End the blocking transaction, or let "
        + "the migration wait longer with --table-lock-timeout (MIGRATE_TABLE_LOCK_TIMEOUT) or -- migrate:lock-timeout in the "
        + "script.");
  }
}
