package com.authservice.migrate.errors;

import java.time.Duration;

/** Another run held the migration lock for longer than the configured wait. */
public final class LockTimeout extends MigrationException {
  public LockTimeout(Duration waited, String holder) {
    super("Another migration run (" + holder + ") still holds the lock after " + waited.toSeconds() + " s. "
        + "Wait for it to finish, or raise the wait with --wait-for-other-run SECONDS (formerly --lock-timeout; "
        + "also MIGRATE_WAIT_FOR_OTHER_RUN).");
  }
}
