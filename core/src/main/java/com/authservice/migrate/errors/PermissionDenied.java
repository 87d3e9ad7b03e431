package com.authservice.migrate.errors;

/** The user may connect but not do what the migration needs. */
public final class PermissionDenied extends MigrationException {
  public PermissionDenied(String user, String what, String serverMessage, Throwable cause) {
    super("User \"" + user + "\" may not " + what + ": " + serverMessage + ". "
        + "Grant the privilege, or run migrations as the schema's owner.", cause);
  }
}
