package com.authservice.migrate.run;

import com.authservice.migrate.errors.AuthenticationFailed;
import com.authservice.migrate.errors.CannotConnect;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.PermissionDenied;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.errors.UnknownDatabase;
import com.authservice.migrate.settings.ConnectionSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens connections and turns the ways that can fail into messages that name the fix. */
public final class Database {

  private final ConnectionSettings settings;
  private final Connection kept;

  public Database(ConnectionSettings settings) {
    this(settings, null);
  }

  private Database(ConnectionSettings settings, Connection kept) {
    this.settings = settings;
    this.kept = kept;
  }

  /**
   * A database whose {@link #open()} lends {@code kept}, a connection to {@code settings} that its caller keeps
   * open from one run to the next (a fleet's worker does) and closes itself.
   */
  public static Database lending(ConnectionSettings settings, Connection kept) {
    return new Database(settings, kept);
  }

  public Connection open() {
    if (kept != null) {
      return LentConnection.of(kept);
    }
    return openSeparate();
  }

  /** A connection of its own, even where {@link #open()} lends a kept one: to watch a run's session from outside. */
  public Connection openSeparate() {
    Connection connection;
    try {
      connection = DriverManager.getConnection(settings.jdbcUrl(), settings.driverProperties());
    } catch (SQLException e) {
      throw translate(e);
    }
    noticeDeadClients(connection);
    return connection;
  }

  /**
   * Without this, a killed run's backend keeps executing (and holding its locks) until the statement
   * ends; with it, PostgreSQL 14+ notices the dropped client within a second and rolls back.
   */
  private static void noticeDeadClients(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      statement.execute("set client_connection_check_interval = 1000");
    } catch (SQLException olderServer) {
      // PostgreSQL before 14 has no such setting; the run works the same, it only notices later.
    }
  }

  /**
   * Makes {@code connection}, kept from a run on another schema of the same database, as good as a new one
   * for this database's schema: what that run's scripts left on the session (settings, role, temporary tables,
   * advisory locks, prepared statements) is discarded, then the schema is selected as a new connection's
   * {@code currentSchema} would select it.
   */
  public void reset(Connection connection) throws SQLException {
    if (!connection.getAutoCommit()) {
      connection.rollback();
      connection.setAutoCommit(true);
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("discard all");
    }
    try (PreparedStatement select = connection.prepareStatement("select set_config('search_path', ?, false)")) {
      select.setString(1, settings.schema());
      select.execute();
    }
    noticeDeadClients(connection);
  }

  /**
   * Changing commands need the connection's first schema to be the configured one: an unqualified
   * {@code CREATE TABLE} would otherwise land elsewhere or fail half-way ("no schema has been selected").
   * The schema is never created silently: creating it is the DBA's decision (owner, grants).
   */
  public void requireSchema(Connection connection) {
    String schema = settings.schema();
    try (PreparedStatement query = connection.prepareStatement(
        "select exists (select 1 from pg_namespace where nspname = ?), current_schema()")) {
      query.setString(1, schema);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        String first = row.getString(2);
        if (!row.getBoolean(1)) {
          throw new StateConflict("Schema \"" + schema + "\" does not exist in " + settings.target()
              + ". Create it (CREATE SCHEMA " + schema + ";) or " + settings.source().fix(ConnectionSettings.SCHEMA)
              + " to name the schema the migrations belong in.");
        }
        if (first == null) {
          throw new PermissionDenied(settings.user(), "use schema " + schema, "no USAGE privilege on it", null);
        }
        if (!first.equals(schema)) {
          throw new StateConflict("The connection's search_path starts with schema \"" + first + "\", not "
              + settings.source().name(ConnectionSettings.SCHEMA) + "=" + schema
              + "; remove currentSchema or search_path (in options) from the URL, or "
              + settings.source().fix(ConnectionSettings.SCHEMA) + " to name " + first + ".");
        }
      }
    } catch (SQLException e) {
      throw new DatabaseError("looking for the schema " + schema, e);
    }
  }

  public ConnectionSettings settings() {
    return settings;
  }

  private RuntimeException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return switch (state) {
      case "28P01", "28000", "08004" -> new AuthenticationFailed(settings.user(), settings.target(),
          settings.source().fix(ConnectionSettings.USER, ConnectionSettings.PASSWORD), e);
      case "3D000" -> new UnknownDatabase(settings.database(), settings.hostAndPort(),
          settings.source().fix(ConnectionSettings.DB), e);
      case "42501" -> new PermissionDenied(settings.user(), "connect to " + settings.database(),
          DatabaseError.firstLine(e.getMessage()), e);
      default -> state.startsWith("08") || e.getCause() instanceof java.io.IOException
          ? new CannotConnect(settings.hostAndPort(), settings.source(), e)
          : new DatabaseError("connecting to " + settings.target(), e);
    };
  }
}
