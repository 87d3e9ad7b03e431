package com.authservice.migrate.info;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.run.Database;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.util.DriverInfo;

/** Reads the versions {@link VersionInfo} reports; a server that cannot be reached is reported, not thrown. */
public final class VersionReader {

  /** The file MyBatis' own {@code info} command reads its version from. */
  private static final String MYBATIS_PROPERTIES = "/mybatis-migrations.properties";

  private VersionReader() {
  }

  public static VersionInfo read(Database database) {
    String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
    String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
        + System.getProperty("os.arch");
    Optional<String> server = Optional.empty();
    Optional<String> problem = Optional.empty();
    try {
      server = Optional.of(serverVersion(database));
    } catch (MigrationException unreachable) {
      problem = Optional.of(unreachable.getMessage());
    }
    return new VersionInfo(myBatisVersion(), DriverInfo.DRIVER_NAME + " " + DriverInfo.DRIVER_VERSION, java, os,
        server, problem);
  }

  private static String serverVersion(Database database) {
    try (Connection connection = database.open(); Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select version()")) {
      row.next();
      return row.getString(1);
    } catch (SQLException e) {
      throw new DatabaseError("asking " + database.settings().target() + " for its version", e);
    }
  }

  private static String myBatisVersion() {
    Properties properties = new Properties();
    try (InputStream in = VersionReader.class.getResourceAsStream(MYBATIS_PROPERTIES)) {
      if (in == null) {
        return "unknown (no " + MYBATIS_PROPERTIES + " on the class path)";
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + MYBATIS_PROPERTIES, e);
    }
    return properties.getProperty("name", "MyBatis Migrations") + " " + properties.getProperty("version", "?");
  }
}
