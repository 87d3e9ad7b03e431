package com.authservice.migrate.shell.session;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.Password;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A throw-away PostgreSQL to build schemas on ({@code check --drift}, the schema file): the embedded binaries
 * with a data directory in a temporary folder that goes with the server, so nothing is left in the working
 * folder and no configured database is touched. Durability is off: nothing on it outlives the command.
 */
final class ScratchServer implements AutoCloseable {

  private final EmbeddedPostgres postgres;
  private final AtomicInteger databases = new AtomicInteger();

  private ScratchServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  static ScratchServer start() {
    try {
      return new ScratchServer(EmbeddedPostgres.builder()
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .start());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start the embedded PostgreSQL that schemas are built on", e);
    }
  }

  /** A new, empty database holding {@code schema} (created when it is not {@code public}). */
  ConnectionSettings emptyDatabase(String schema) {
    String name = "scratch_" + databases.incrementAndGet();
    try (Connection admin = postgres.getPostgresDatabase().getConnection();
        Statement statement = admin.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create the scratch database " + name, e);
    }
    ConnectionSettings settings = new ConnectionSettings("localhost", postgres.getPort(), name, "postgres",
        new Password(""), schema, null);
    if (!"public".equals(schema)) {
      try (Connection connection = postgres.getDatabase("postgres", name).getConnection();
          Statement statement = connection.createStatement()) {
        // The schema name was checked as a plain SQL name when the target's settings were read.
        statement.execute("create schema " + schema);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot create schema " + schema + " in the scratch database " + name, e);
      }
    }
    return settings;
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // The server process ends with the JVM anyway; its temporary folder is removed by zonky's own hook.
    }
  }
}
