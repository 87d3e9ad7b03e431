package com.authservice.migrate.errors;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.SettingSource;

/** The server did not answer at the configured host and port. */
public final class CannotConnect extends MigrationException {
  public CannotConnect(String hostAndPort, SettingSource source, Throwable cause) {
    super("Cannot connect to PostgreSQL at " + hostAndPort + " (" + rootMessage(cause) + "). "
        + "Is the database running? " + where(source), cause);
  }

  /** The seed's variables get the seed's docker-compose layout as a hint; a file or a URL is named as it is. */
  private static String where(SettingSource source) {
    String fix = source.fix(ConnectionSettings.HOST, ConnectionSettings.PORT);
    if (source.isFile() || source.labels().containsKey(ConnectionSettings.HOST)) {
      return "If it runs elsewhere, " + fix + ".";
    }
    return "Inside docker-compose the host is auth-db:5432; from the host machine it is localhost:5435: " + fix
        + ".";
  }

  private static String rootMessage(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
