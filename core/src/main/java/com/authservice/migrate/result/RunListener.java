package com.authservice.migrate.result;

/** Lets a caller show progress of a run; core itself never prints. */
public interface RunListener {

  RunListener NONE = new RunListener() {
  };

  /** Another run holds the migration lock; this one waits for it. */
  default void waitingForLock(String holder) {
  }

  /** The run is about to apply or undo {@code total} migrations. */
  default void started(Direction direction, int total) {
  }

  /** {@code migration} is about to run; {@code done} of {@code total} have run. */
  default void migrationStarting(Migration migration, int done, int total) {
  }

  default void migrationFinished(Migration migration, int done, int total) {
  }

  /** With {@code --force}: {@code migration} failed and was rolled back; the run goes on. */
  default void migrationFailed(Migration migration, String error) {
  }

  /** No script creates the changelog table, so MyBatis' {@code table} was created before the first migration. */
  default void changelogCreated(String table) {
  }
}
