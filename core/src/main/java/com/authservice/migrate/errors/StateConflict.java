package com.authservice.migrate.errors;

/**
 * What was asked is well formed but does not fit the database as it is now (a target already applied,
 * no migration matching the schema): found at run time, so exit code 1, not a usage error.
 */
public final class StateConflict extends MigrationException {
  public StateConflict(String message) {
    super(message);
  }
}
