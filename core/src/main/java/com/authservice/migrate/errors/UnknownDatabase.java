package com.authservice.migrate.errors;

/** The server is up but the database does not exist. */
public final class UnknownDatabase extends MigrationException {
  public UnknownDatabase(String database, String hostAndPort, String fix, Throwable cause) {
    super("Database \"" + database + "\" does not exist on " + hostAndPort + ". "
        + "Create it (createdb " + database + ") or " + fix + ".", cause);
  }
}
