package com.authservice.migrate.settings;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Connections straight from the PostgreSQL driver, the only one the console uses (its URLs are all
 * {@code jdbc:postgresql:}). {@code DriverManager} would first search every jar of the class path for drivers and
 * build log lines it writes nowhere: a fortieth of a batch command's start-up.
 */
public final class PostgresDriver {

  private static final Driver DRIVER = new org.postgresql.Driver();

  private PostgresDriver() {
  }

  public static Connection connect(String jdbcUrl, Properties properties) throws SQLException {
    Connection connection = DRIVER.connect(jdbcUrl, properties);
    if (connection == null) {   // the driver's answer to a URL that is not its own; settings accept none
      throw new SQLException("Not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)", "08001");
    }
    return connection;
  }
}
