package com.authservice.migrate.run;

import com.authservice.migrate.errors.ConnectionLost;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.link.DeadLink;
import com.authservice.migrate.link.InFlight;
import com.authservice.migrate.link.LinkLost;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.PostgresDriver;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * Turns a failure on a connection that is gone into what the user needs: why it was lost, and whether the
 * migration that was running was committed, read back on one new connection once the old session is surely over
 * (ended by this new connection if the server still runs it, which also frees the migration lock at once).
 */
public final class LostConnection {

  private final ConnectionSettings settings;
  private final DeadLink deadLink;
  private final int pid;

  private LostConnection(ConnectionSettings settings, DeadLink deadLink, int pid) {
    this.settings = settings;
    this.deadLink = deadLink;
    this.pid = pid;
  }

  /** For the run on {@code connection}, opened now: remembers its session, which costs no round trip. */
  public static LostConnection watching(Connection connection, ConnectionSettings settings, DeadLink deadLink)
      throws SQLException {
    return new LostConnection(settings, deadLink, connection.unwrap(PGConnection.class).getBackendPID());
  }

  /** Whether {@code failure} on {@code connection} means the connection is gone rather than a statement failed. */
  public static boolean isLost(Connection connection, Throwable failure) {
    try {
      if (connection.isClosed()) {
        return true;
      }
    } catch (SQLException e) {
      return true;
    }
    for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
        return true;
      }
    }
    return false;
  }

  /** The error to report for {@code failure}, which lost the connection while {@code inFlight} ran. */
  public ConnectionLost explain(RuntimeException failure, InFlight inFlight, Changelog changelog,
      ScriptFolder scripts) {
    String why = LinkLost.reasonIn(failure).orElseGet(() -> DatabaseError.firstLine(rootMessage(failure)));
    Optional<Migration> migration = inFlight.migration();
    String outcome;
    try (Connection again = PostgresDriver.connect(settings.jdbcUrl(), properties())) {
      endOldSession(again);
      outcome = migration.map(m -> outcome(m, inFlight.direction(), changelog.read(again).stream()
              .anyMatch(applied -> applied.id().equals(m.id())), scripts.content(m)))
          .orElse("no migration was running, so none was left half done");
    } catch (SQLException | RuntimeException unreachable) {
      outcome = migration.map(m -> "whether " + m.fileName() + " was committed is unknown: the server cannot be "
          + "reached again to read the changelog (status says, once it can)")
          .orElse("no migration was running, so none was left half done");
    }
    return new ConnectionLost(settings.hostAndPort(), why, outcome, DeadLink.VARIABLE, failure);
  }

  private static String outcome(Migration migration, Direction direction, boolean recorded, String content) {
    String name = migration.fileName();
    if (direction == Direction.UP) {
      if (recorded) {
        return name + " was running and was committed: it is in the changelog";
      }
      return ScriptShape.runsWithoutTransaction(content)
          ? name + " was running and is not in the changelog; it runs without a transaction, so its statements "
              + "that ran before the loss stay"
          : name + " was running and was rolled back: it is not in the changelog";
    }
    return recorded ? name + " was being undone and was rolled back: it is still applied"
        : name + " was being undone and was committed: it is no longer applied";
  }

  /**
   * A session whose client is gone may still be on the server, holding the migration lock, until its keepalive
   * gives up; and until it is over, what it was doing may still commit. This run's own session is ended here, and
   * the changelog read only once it is gone.
   */
  private void endOldSession(Connection again) throws SQLException {
    try (PreparedStatement end = again.prepareStatement("""
        select pg_terminate_backend(pid) from pg_stat_activity
        where pid = ? and usename = current_user""")) {
      end.setInt(1, pid);
      end.execute();
    }
    long deadline = System.nanoTime() + deadLink.timeout().toNanos();
    try (PreparedStatement alive = again.prepareStatement("select count(*) from pg_stat_activity where pid = ?")) {
      alive.setInt(1, pid);
      while (System.nanoTime() < deadline) {
        try (ResultSet row = alive.executeQuery()) {
          row.next();
          if (row.getInt(1) == 0) {
            return;
          }
        }
        Thread.sleep(50);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new SQLException("session " + pid + " did not end", "08006");
  }

  /** One retry connection, its waits bounded: the link that just failed may fail again. */
  private Properties properties() {
    Properties properties = settings.driverProperties();
    String seconds = String.valueOf(DeadLink.seconds(deadLink.timeout()));
    properties.setProperty("connectTimeout", seconds);
    properties.setProperty("socketTimeout", seconds);
    properties.setProperty("loginTimeout", seconds);
    return properties;
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof java.io.EOFException || root.getMessage() == null) {
      return "the connection was closed from the other end";
    }
    return root.getMessage();
  }
}
