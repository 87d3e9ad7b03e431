package com.authservice.migrate.link;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.PostgresDriver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Asks the server, on a connection of its own, what a session is doing. Its own waits are short, so a socket
 * timeout bounds them: a probe that gets no answer within the probe interval is an answer too.
 */
final class LivenessProbe implements AutoCloseable {

  enum Verdict {
    /** Running a statement: a long migration or a wait for a lock. */
    WORKING,
    /** Idle, or reading from or writing to its client: it waits for this client, which waits for it. */
    WAITING_FOR_CLIENT,
    /** The session has ended. */
    GONE,
    /** The server could not be asked. */
    UNREACHABLE
  }

  private final ConnectionSettings settings;
  private final DeadLink deadLink;
  private Connection connection;

  LivenessProbe(ConnectionSettings settings, DeadLink deadLink) {
    this.settings = settings;
    this.deadLink = deadLink;
  }

  Verdict check(int pid) {
    try {
      if (connection == null) {
        connection = PostgresDriver.connect(settings.jdbcUrl(), properties());
      }
      try (PreparedStatement query = connection.prepareStatement(
          "select state, wait_event from pg_stat_activity where pid = ?")) {
        query.setInt(1, pid);
        try (ResultSet row = query.executeQuery()) {
          if (!row.next()) {
            return Verdict.GONE;
          }
          String waitEvent = row.getString(2);
          boolean waitsForClient = "ClientRead".equals(waitEvent) || "ClientWrite".equals(waitEvent);
          return "active".equals(row.getString(1)) && !waitsForClient ? Verdict.WORKING : Verdict.WAITING_FOR_CLIENT;
        }
      }
    } catch (SQLException e) {
      close();
      // Only silence is a verdict: a server that answers with an error (too many connections) is there.
      String state = e.getSQLState();
      return state == null || state.startsWith("08") ? Verdict.UNREACHABLE : Verdict.WORKING;
    }
  }

  private Properties properties() {
    Properties properties = settings.driverProperties();
    properties.setProperty("ApplicationName", "auth-migrate probe");
    String seconds = String.valueOf(DeadLink.seconds(deadLink.probeInterval()));
    properties.setProperty("connectTimeout", seconds);
    properties.setProperty("socketTimeout", seconds);
    properties.setProperty("loginTimeout", seconds);
    return properties;
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.abort(Runnable::run);
      } catch (SQLException ignored) {
        // Closing anyway.
      }
      connection = null;
    }
  }
}
