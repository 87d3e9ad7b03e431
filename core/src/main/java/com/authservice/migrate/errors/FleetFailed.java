package com.authservice.migrate.errors;

/** Members of a fleet failed or could not be reached; the others were migrated (exit code 1). */
public final class FleetFailed extends MigrationException {
  public FleetFailed(String message) {
    super(message);
  }
}
