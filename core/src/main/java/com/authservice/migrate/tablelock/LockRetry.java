package com.authservice.migrate.tablelock;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.LockWaitExhausted;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.sql.RoundTrip;
import com.authservice.migrate.lint.ScriptSettings;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Blocker;
import com.authservice.migrate.result.LockTimedOut;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Runs each migration with {@code lock_timeout} (and {@code statement_timeout} when set), so a statement stuck
 * behind a long transaction gives up before the service's queries pile up behind it. Only a lock time-out
 * (SQLSTATE 55P03) is a lock wait: the migration is then rolled back (by the runner), the sessions that blocked it
 * are reported, and it is tried again after a back-off, a bounded number of times. A cancel (57014) is reported
 * for what it was and never retried. The settings live on the session and are sent only when they change (a
 * script's own time-out), and then with the migration's own statements, so no migration pays a round trip for them;
 * {@link #close()} puts the session back as it was.
 */
public final class LockRetry implements AutoCloseable {

  private static final String LOCK_NOT_AVAILABLE = "55P03";
  private static final String TIMEOUTS =
      "select set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false)";

  private final Connection connection;
  private final ScriptFolder scripts;
  private final TableLockWait runWait;
  private final RunListener listener;
  private final BlockerWatch watch;
  /** The time-outs the session has; null: none of the run's (as before it). */
  private TableLockWait applied;
  /** A failed attempt may have left the session with other time-outs than {@link #applied}: send them again. */
  private boolean uncertain;

  /** @param observer opens a second connection to the database, to see who blocks {@code connection} while it waits */
  public LockRetry(Connection connection, ScriptFolder scripts, TableLockWait runWait, RunListener listener,
      Supplier<Connection> observer) {
    this.connection = connection;
    this.scripts = scripts;
    this.runWait = runWait;
    this.listener = listener;
    this.watch = new BlockerWatch(observer, backendPid(connection));
  }

  /**
   * Runs {@code migrate} (which applies or undoes {@code migration} atomically) until it gets its locks. It is handed
   * the SQL that sets the migration's time-outs when the session does not have them yet, to send before the
   * migration's statements in their round trip and transaction.
   */
  public void run(Migration migration, Consumer<Optional<String>> migrate) {
    String content = scripts.content(migration);
    TableLockWait wait = ScriptTimeouts.apply(migration.fileName(), content, runWait);
    Duration backoff = wait.backoff();
    for (int attempt = 1; ; attempt++) {
      Optional<String> timeouts = wait.equals(applied) && !uncertain ? Optional.empty()
          : Optional.of(timeoutsSql(wait));
      watch.attemptStarting(wait.lockTimeout());
      try {
        migrate.accept(timeouts);
        applied = wait;
        uncertain = false;
        watch.attemptEnded();
        return;
      } catch (ScriptFailed failure) {
        // Rolled back with the migration, or kept by a script without a transaction: not known here.
        uncertain |= timeouts.isPresent();
        List<Blocker> blockers = watch.attemptEnded();
        if (QueryCanceled.is(failure)) {
          throw failure.explained(QueryCanceled.why(failure, wait, ScriptTimeouts.setsStatementTimeout(content)));
        }
        // A script that sets lock_timeout itself decides how long to wait: its time-out is its failure, reported
        // at its line and not retried; so is one whose earlier statements ran outside a transaction and stay,
        // since running it again would repeat them. (Parsed only here: the parser is the costly part.)
        if (!LOCK_NOT_AVAILABLE.equals(failure.sqlState()) || failure.leftChanges()
            || ScriptSettings.setsLockTimeout(scripts.upSql(migration))) {
          throw failure;
        }
        if (attempt >= wait.attempts()) {
          throw new LockWaitExhausted(migration.fileName(), TableLockWait.say(wait.lockTimeout()), attempt,
              blockers.stream().map(Blocker::toString).collect(Collectors.joining("; ")));
        }
        listener.lockTimedOut(new LockTimedOut(migration, wait.lockTimeout(), attempt, wait.attempts(), blockers,
            backoff));
        sleep(backoff);
        backoff = backoff.multipliedBy(2);
      } catch (RuntimeException failure) {
        uncertain |= timeouts.isPresent();
        watch.attemptEnded();
        throw failure;
      }
    }
  }

  /**
   * Sets the run's time-outs in {@code trip}, with the other questions asked before the first migration, so that
   * a run whose scripts set none of their own pays no round trip for them.
   */
  public void askRunTimeouts(RoundTrip trip) {
    trip.ask(TIMEOUTS, timeouts(runWait), row -> {
      applied = runWait;
      return null;
    });
  }

  /**
   * Back to no time-outs, as the session was before the run. A session that cannot be put back (the link is
   * gone, or a cancel stopped the statement) is closed by the caller, or discarded before a fleet reuses it.
   */
  @Override
  public void close() {
    watch.close();
    if (applied != null || uncertain) {
      applied = null;
      uncertain = false;
      try {
        setTimeouts(null);
      } catch (DatabaseError ignored) {
        // See above: nothing keeps the settings.
      }
    }
  }

  /** Session settings, set outside any transaction so a rolled-back migration does not undo them. */
  private void setTimeouts(TableLockWait wait) {
    try {
      connection.setAutoCommit(true);
      try (PreparedStatement set = connection.prepareStatement(TIMEOUTS)) {
        List<String> values = timeouts(wait);
        set.setString(1, values.get(0));
        set.setString(2, values.get(1));
        set.execute();
      }
    } catch (SQLException e) {
      throw new DatabaseError("setting lock_timeout", e);
    }
  }

  /** {@link #TIMEOUTS} with {@code wait}'s values written in: durations in milliseconds, digits only. */
  private static String timeoutsSql(TableLockWait wait) {
    List<String> values = timeouts(wait);
    return TIMEOUTS.replaceFirst("\\?", "'" + values.get(0) + "'").replaceFirst("\\?", "'" + values.get(1) + "'");
  }

  /** The values of {@link #TIMEOUTS} for {@code wait}; null: none. */
  private static List<String> timeouts(TableLockWait wait) {
    return List.of(wait == null ? "0" : wait.lockTimeout().toMillis() + "ms",
        wait == null || wait.statementTimeout() == null ? "0" : wait.statementTimeout().toMillis() + "ms");
  }

  /** Known to the driver from the connection's start-up: no round trip. */
  private static int backendPid(Connection connection) {
    try {
      return connection.unwrap(PGConnection.class).getBackendPID();
    } catch (SQLException e) {
      throw new DatabaseError("reading the session's process id", e);
    }
  }

  private static void sleep(Duration backoff) {
    try {
      Thread.sleep(backoff.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry", e);
    }
  }
}
