package com.authservice.migrate.errors;

/** A run over several environments stopped at one that failed; those after it did not run. */
public final class EnvironmentFailed extends MigrationException {
  public EnvironmentFailed(String environment, String reason) {
    super("Environment " + environment + " failed: " + reason + " The environments after it were not changed.");
  }
}
