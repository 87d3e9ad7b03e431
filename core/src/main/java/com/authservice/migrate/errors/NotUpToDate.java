package com.authservice.migrate.errors;

/** The database is behind the scripts, so comparing it with the models would describe old state. */
public final class NotUpToDate extends MigrationException {
  public NotUpToDate(int pending) {
    super("Target database is not up to date: " + pending + " migration(s) pending. Run `up` first.");
  }
}
