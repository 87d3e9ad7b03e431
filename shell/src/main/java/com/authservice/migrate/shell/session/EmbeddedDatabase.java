package com.authservice.migrate.shell.session;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.Password;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database a newcomer gets when none is configured: a real PostgreSQL (zonky's binaries from
 * Maven Central) whose data lives in {@code .migrate/pgdata} of the working folder and survives
 * between runs. Started only when a command needs a database.
 */
final class EmbeddedDatabase implements AutoCloseable {

  static final String DATABASE = "auth_service";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static EmbeddedDatabase start(Path workingDir) {
    Path home = workingDir.resolve(".migrate");
    try {
      Files.createDirectories(home);
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(home.resolve("binaries").toFile())
          .setDataDirectory(home.resolve("pgdata"))
          .setCleanDataDirectory(false)
          .start();
      createDatabaseIfMissing(postgres);
      return new EmbeddedDatabase(postgres);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL in " + home, e);
    }
  }

  ConnectionSettings settings() {
    return new ConnectionSettings("localhost", postgres.getPort(), DATABASE, "postgres", new Password(""),
        "public", null);
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists = admin.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet row = exists.executeQuery()) {
        if (!row.next()) {
          try (Statement create = admin.createStatement()) {
            create.execute("create database " + DATABASE);
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the embedded database " + DATABASE, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // The server process ends with the JVM anyway.
    }
  }
}
