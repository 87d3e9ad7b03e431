package com.authservice.migrate.errors;

/** The server did not answer at the configured host and port. */
public final class CannotConnect extends MigrationException {

  /** @param where where the host and port are set, and how to change them (a sentence) */
  public CannotConnect(String hostAndPort, String where, Throwable cause) {
    super("Cannot connect to PostgreSQL at " + hostAndPort + " (" + rootMessage(cause) + "). "
        + "Is the database running? " + where, cause);
  }

  private static String rootMessage(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
