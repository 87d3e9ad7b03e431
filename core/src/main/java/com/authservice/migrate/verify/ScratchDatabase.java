package com.authservice.migrate.verify;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.run.Database;
import com.authservice.migrate.settings.ConnectionSettings;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A database of its own on a scratch server, created empty for one {@code verify} and dropped after it, so that
 * nothing already on the server is touched and two runs never meet.
 */
public final class ScratchDatabase implements AutoCloseable {

  private final ConnectionSettings server;
  private final ConnectionSettings settings;
  private final String description;

  private ScratchDatabase(ConnectionSettings server, ConnectionSettings settings, String description) {
    this.server = server;
    this.settings = settings;
    this.description = description;
  }

  /** Creates {@code verify_<random>} on the server {@code server} connects to (its user needs CREATEDB). */
  public static ScratchDatabase create(ConnectionSettings server) {
    return create(server, server.hostAndPort(), "public");
  }

  /**
   * The same, with {@code where} naming the server in the report ({@code embedded}, {@code host:port}), holding
   * {@code schema} (created when it is not {@code public}): the migrations run there as on the target, so what is
   * read of it (index and function definitions name their schema) is what the target's own schema gives.
   */
  public static ScratchDatabase create(ConnectionSettings server, String where, String schema) {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    String name = "verify_" + HexFormat.of().formatHex(random);
    String version;
    try (Connection connection = new Database(server).open(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("create database " + name);
      try (ResultSet row = statement.executeQuery("select current_setting('server_version')")) {
        row.next();
        version = row.getString(1).split(" ")[0];
      }
    } catch (SQLException e) {
      throw new DatabaseError("creating a scratch database on " + server.hostAndPort()
          + " (the user needs the CREATEDB privilege)", e);
    }
    ScratchDatabase scratch = new ScratchDatabase(server, server.withDatabase(name).withSchema(schema),
        "PostgreSQL " + version + ", " + where);
    if (!"public".equals(schema)) {
      try {
        scratch.createSchema(schema);
      } catch (RuntimeException e) {
        scratch.close();
        throw e;
      }
    }
    return scratch;
  }

  private void createSchema(String schema) {
    try (Connection connection = new Database(settings).open(); Statement statement = connection.createStatement()) {
      // The schema name was checked as a plain SQL name when the target's settings were read.
      statement.execute("create schema " + schema);
    } catch (SQLException e) {
      throw new DatabaseError("creating schema " + schema + " in the scratch database " + settings.database(), e);
    }
  }

  public ConnectionSettings settings() {
    return settings;
  }

  /** Which server it is, for the report: {@code PostgreSQL 18.1, localhost:5432}. */
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    try (Connection connection = new Database(server).open(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("drop database if exists " + settings.database() + " with (force)");
    } catch (SQLException e) {
      throw new DatabaseError("dropping the scratch database " + settings.database(), e);
    }
  }
}
