package com.authservice.migrate.errors;

/** The server did not answer at the configured host and port. */
public final class CannotConnect extends MigrationException {
  public CannotConnect(String hostAndPort, Throwable cause) {
    super("Cannot connect to PostgreSQL at " + hostAndPort + " (" + rootMessage(cause) + "). "
        + "Is the database running? Inside docker-compose the host is auth-db:5432; "
        + "from the host machine it is localhost:5435 (set POSTGRES_HOST and POSTGRES_PORT, or .env).", cause);
  }

  private static String rootMessage(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
