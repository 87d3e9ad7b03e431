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
    return create(server, server.hostAndPort());
  }

  /** The same, with {@code where} naming the server in the report ({@code embedded}, {@code host:port}). */
  public static ScratchDatabase create(ConnectionSettings server, String where) {
    byte[] random = new byte[6];
    new SecureRandom().nextBytes(random);
    String name = "verify_" + HexFormat.of().formatHex(random);
    try (Connection connection = new Database(server).open(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      statement.execute("create database " + name);
      try (ResultSet row = statement.executeQuery("select current_setting('server_version')")) {
        row.next();
        return new ScratchDatabase(server, server.withDatabase(name).withSchema("public"),
            "PostgreSQL " + row.getString(1).split(" ")[0] + ", " + where);
      }
    } catch (SQLException e) {
      throw new DatabaseError("creating a scratch database on " + server.hostAndPort()
          + " (the user needs the CREATEDB privilege)", e);
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
