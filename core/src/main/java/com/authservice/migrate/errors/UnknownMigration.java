package com.authservice.migrate.errors;

/** An id (or id prefix) that names no migration in the scripts folder. */
public final class UnknownMigration extends MigrationException {
  public UnknownMigration(String id, String scriptsLocation) {
    super("Can't locate migration " + UserInput.quote(id) + " in " + scriptsLocation + ". "
        + "Run `status` to list the ids; if a teammate added it, pull the latest scripts.");
  }
}
