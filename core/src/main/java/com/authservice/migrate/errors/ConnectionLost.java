package com.authservice.migrate.errors;

/**
 * The connection to the server was lost during a run: why, and what became of the migration that was running,
 * as read back from the changelog. Nothing is half applied (each migration is one transaction), so running the
 * command again continues.
 */
public final class ConnectionLost extends MigrationException {

  public ConnectionLost(String hostAndPort, String why, String outcome, String variable, Throwable cause) {
    super("Lost the connection to PostgreSQL at " + hostAndPort + " (" + why + "); " + outcome
        + ". Run the command again to continue (on a slow link, raise " + variable + ").", cause);
  }
}
