package com.authservice.migrate.run;

import com.authservice.migrate.errors.AuthenticationFailed;
import com.authservice.migrate.errors.CannotConnect;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.PermissionDenied;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.errors.UnknownDatabase;
import com.authservice.migrate.link.DeadLink;
import com.authservice.migrate.link.LinkWatch;
import com.authservice.migrate.sql.RoundTrip;
import com.authservice.migrate.link.WatchedSockets;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.PostgresDriver;
import com.authservice.migrate.settings.SettingSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/** Opens connections and turns the ways that can fail into messages that name the fix. */
public final class Database {

  private final ConnectionSettings settings;
  private final DeadLink deadLink;
  private final Connection kept;

  public Database(ConnectionSettings settings) {
    this(settings, DeadLink.DEFAULT);
  }

  public Database(ConnectionSettings settings, DeadLink deadLink) {
    this(settings, deadLink, null);
  }

  private Database(ConnectionSettings settings, DeadLink deadLink, Connection kept) {
    this.settings = settings;
    this.deadLink = deadLink;
    this.kept = kept;
  }

  /**
   * A database whose {@link #open()} lends {@code kept}, a connection to {@code settings} that its caller keeps
   * open from one run to the next (a fleet's worker does) and closes itself.
   */
  public static Database lending(ConnectionSettings settings, DeadLink deadLink, Connection kept) {
    return new Database(settings, deadLink, kept);
  }

  public Connection open() {
    if (kept != null) {
      return LentConnection.of(kept);
    }
    return openSeparate();
  }

  /** A connection of its own, even where {@link #open()} lends a kept one: to watch a run's session from outside. */
  public Connection openSeparate() {
    try {
      return connect(true);
    } catch (SQLException e) {
      if (refusedConnectionCheck(e)) {
        try {
          return connect(false);
        } catch (SQLException again) {
          throw translate(again);
        }
      }
      throw translate(e);
    }
  }

  /**
   * A connection that notices a lost link on both ends ({@link DeadLink}): the server-side settings travel in the
   * start-up packet, so they cost no round trip; the handshake's short waits are bounded by a socket timeout, and
   * once the connection is open a {@link LinkWatch} takes over, which never cuts a statement that is working.
   */
  private Connection connect(boolean withConnectionCheck) throws SQLException {
    LinkWatch watch = LinkWatch.starting(deadLink, settings);
    Properties properties = settings.driverProperties();
    properties.setProperty("options", deadLink.serverOptions(withConnectionCheck));
    properties.setProperty("tcpKeepAlive", "true");
    properties.setProperty("socketTimeout", String.valueOf(DeadLink.seconds(deadLink.timeout())));
    properties.setProperty("socketFactory", WatchedSockets.class.getName());
    properties.setProperty("socketFactoryArg", watch.key());
    try {
      Connection connection = PostgresDriver.connect(settings.jdbcUrl(), properties);
      connection.setNetworkTimeout(Runnable::run, 0);
      watch.attach(connection);
      return connection;
    } catch (SQLException | RuntimeException e) {
      watch.close();
      throw e;
    }
  }

  /**
   * PostgreSQL before 14 has no {@code client_connection_check_interval} and refuses a start-up packet that sets
   * it; without it a killed run's statement only stops when it ends, and the run works the same.
   */
  private static boolean refusedConnectionCheck(SQLException e) {
    return "42704".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("client_connection_check_interval");
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
    // The dead-link settings came in the start-up packet: DISCARD ALL resets to them, so they stay.
  }

  /**
   * Changing commands need the connection's first schema to be the configured one: an unqualified
   * {@code CREATE TABLE} would otherwise land elsewhere or fail half-way ("no schema has been selected").
   * The schema is never created silently: creating it is the DBA's decision (owner, grants).
   */
  public void requireSchema(Connection connection) {
    RoundTrip trip = new RoundTrip();
    SchemaCheck check = askSchema(trip);
    try {
      trip.send(connection);
    } catch (SQLException e) {
      throw new DatabaseError("looking for the schema " + settings.schema(), e);
    }
    check.require();
  }

  /** {@link #requireSchema} asked in {@code trip}, with other questions: {@link SchemaCheck#require} once it is sent. */
  public SchemaCheck askSchema(RoundTrip trip) {
    return new SchemaCheck(trip.ask("select exists (select 1 from pg_namespace where nspname = ?), current_schema()",
        List.of(settings.schema()), row -> {
          row.next();
          return new SchemaFound(row.getBoolean(1), row.getString(2));
        }));
  }

  private record SchemaFound(boolean exists, String first) {
  }

  /** The answer about the schema, to be required once the round trip that asked it is back. */
  public final class SchemaCheck {
    private final RoundTrip.Answer<SchemaFound> found;

    private SchemaCheck(RoundTrip.Answer<SchemaFound> found) {
      this.found = found;
    }

    /** @throws StateConflict or {@link PermissionDenied} when the schema is missing, unusable or not first */
    public void require() {
      String schema = settings.schema();
      SchemaFound answer = found.get();
      if (!answer.exists()) {
        throw new StateConflict("Schema \"" + schema + "\" does not exist in " + settings.target()
            + ". Create it (CREATE SCHEMA " + schema + ";) or " + settings.source().fix(ConnectionSettings.SCHEMA)
            + " to name the schema the migrations belong in.");
      }
      if (answer.first() == null) {
        throw new PermissionDenied(settings.user(), "use schema " + schema, "no USAGE privilege on it", null);
      }
      if (!answer.first().equals(schema)) {
        throw new StateConflict("The connection's search_path starts with schema \"" + answer.first() + "\", not "
            + settings.source().name(ConnectionSettings.SCHEMA) + "=" + schema
            + "; remove currentSchema or search_path (in options) from the URL, or "
            + settings.source().fix(ConnectionSettings.SCHEMA) + " to name " + answer.first() + ".");
      }
    }
  }

  public ConnectionSettings settings() {
    return settings;
  }

  public DeadLink deadLink() {
    return deadLink;
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
          ? new CannotConnect(settings.hostAndPort(), whereHostIsSet(settings.source()), e)
          : new DatabaseError("connecting to " + settings.target(), e);
    };
  }

  /** The seed's variables get the seed's docker-compose layout as a hint; a file or a URL is named as it is. */
  private static String whereHostIsSet(SettingSource source) {
    String fix = source.fix(ConnectionSettings.HOST, ConnectionSettings.PORT);
    if (source.isFile() || source.labels().containsKey(ConnectionSettings.HOST)) {
      return "If it runs elsewhere, " + fix + ".";
    }
    return "Inside docker-compose the host is auth-db:5432; from the host machine it is localhost:5435: " + fix
        + ".";
  }
}
