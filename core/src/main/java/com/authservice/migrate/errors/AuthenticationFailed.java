package com.authservice.migrate.errors;

/** The server refused the user name or password. The password itself is never part of the message. */
public final class AuthenticationFailed extends MigrationException {
  /** {@code fix} says where user and password were written: {@code set POSTGRES_USER and ... (environment or .env)}. */
  public AuthenticationFailed(String user, String target, String fix, Throwable cause) {
    super("PostgreSQL at " + target + " rejected the password for user \"" + user + "\". "
        + "Check them: " + fix + ".", cause);
  }
}
