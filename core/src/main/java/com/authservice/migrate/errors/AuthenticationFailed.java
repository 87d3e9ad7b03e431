package com.authservice.migrate.errors;

/** The server refused the user name or password. The password itself is never part of the message. */
public final class AuthenticationFailed extends MigrationException {
  public AuthenticationFailed(String user, String target, Throwable cause) {
    super("PostgreSQL at " + target + " rejected the password for user \"" + user + "\". "
        + "Check POSTGRES_USER and POSTGRES_PASSWORD (environment or .env).", cause);
  }
}
