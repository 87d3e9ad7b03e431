package com.authservice.migrate.lockwait;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.LockWaitExhausted;
import com.authservice.migrate.errors.RunCancelled;
import com.authservice.migrate.lint.ScriptSettings;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs each migration with {@code lock_timeout} (and {@code statement_timeout} when set), so a statement stuck
 * behind a long transaction gives up before the service's queries pile up behind it. The migration is then
 * rolled back (by the runner), the sessions holding locks are reported, and it is tried again after a
 * back-off, a bounded number of times. The settings live on the session and are sent only when they change
 * (a script's own time-out), so a run of many migrations pays no extra round trip per migration; {@link #close()}
 * puts the session back as it was.
 */
public final class LockRetry implements AutoCloseable {

  private static final String LOCK_NOT_AVAILABLE = "55P03";
  private static final String QUERY_CANCELED = "57014";

  private final Connection connection;
  private final ScriptFolder scripts;
  private final LockWait runWait;
  private final RunListener listener;
  private LockWait applied;

  public LockRetry(Connection connection, ScriptFolder scripts, LockWait runWait, RunListener listener) {
    this.connection = connection;
    this.scripts = scripts;
    this.runWait = runWait;
    this.listener = listener;
  }

  /** Runs {@code migrate} (which applies or undoes {@code migration} atomically) until it gets its locks. */
  public void run(Migration migration, Runnable migrate) {
    LockWait wait = ScriptTimeouts.apply(migration.fileName(), scripts.content(migration), runWait);
    Duration backoff = wait.backoff();
    for (int attempt = 1; ; attempt++) {
      if (!wait.equals(applied)) {
        setTimeouts(wait);
        applied = wait;
      }
      try {
        migrate.run();
        return;
      } catch (RuntimeException failure) {
        // A script that sets lock_timeout itself decides how long to wait: its time-out is its failure, reported
        // at its line and not retried. (Parsed only here: the parser is the costly part.)
        // A user's cancel (RunCancelled) has the time-out's SQLSTATE, 57014, and is never retried.
        if (failure instanceof RunCancelled || !timedOut(failure) || ScriptSettings.setsLockTimeout(scripts.upSql(migration))) {
          throw failure;
        }
        List<Blocker> blockers = blockers();
        if (attempt >= wait.attempts()) {
          throw new LockWaitExhausted(migration.fileName(), LockWait.say(wait.lockTimeout()), attempt,
              blockers.stream().map(Blocker::toString).collect(Collectors.joining("; ")));
        }
        listener.lockTimedOut(new LockTimedOut(migration, wait.lockTimeout(), attempt, wait.attempts(), blockers,
            backoff));
        sleep(backoff);
        backoff = backoff.multipliedBy(2);
      }
    }
  }

  /** Back to no time-outs, as the session was before the run. */
  @Override
  public void close() {
    if (applied != null) {
      setTimeouts(null);
      applied = null;
    }
  }

  /** Session settings, set outside any transaction so a rolled-back migration does not undo them. */
  private void setTimeouts(LockWait wait) {
    try {
      connection.setAutoCommit(true);
      try (PreparedStatement set = connection.prepareStatement(
          "select set_config('lock_timeout', ?, false), set_config('statement_timeout', ?, false)")) {
        set.setString(1, wait == null ? "0" : wait.lockTimeout().toMillis() + "ms");
        set.setString(2, wait == null || wait.statementTimeout() == null ? "0"
            : wait.statementTimeout().toMillis() + "ms");
        set.execute();
      }
    } catch (SQLException e) {
      throw new DatabaseError("setting lock_timeout", e);
    }
  }

  private static boolean timedOut(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql
          && (LOCK_NOT_AVAILABLE.equals(sql.getSQLState()) || QUERY_CANCELED.equals(sql.getSQLState()))) {
        return true;
      }
    }
    return false;
  }

  /** Other sessions with an open transaction that hold locks on tables, longest-running first. */
  private List<Blocker> blockers() {
    List<Blocker> blockers = new ArrayList<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("""
        select a.pid, a.application_name, extract(epoch from now() - a.xact_start)::bigint, a.query
        from pg_stat_activity a
        where a.pid <> pg_backend_pid() and a.xact_start is not null and a.datname = current_database()
          and exists (select 1 from pg_locks l join pg_class c on c.oid = l.relation
                      where l.pid = a.pid and l.granted and c.relkind in ('r', 'p')
                        and c.relnamespace not in ('pg_catalog'::regnamespace, 'information_schema'::regnamespace))
        order by a.xact_start
        limit 3""")) {
      while (rows.next()) {
        blockers.add(new Blocker(rows.getInt(1), rows.getString(2), Duration.ofSeconds(rows.getLong(3)),
            rows.getString(4)));
      }
    } catch (SQLException e) {
      throw new DatabaseError("reading which sessions hold locks", e);
    }
    return blockers;
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
