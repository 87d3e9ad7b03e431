package com.authservice.migrate.tablelock;

import com.authservice.migrate.result.Blocker;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Who blocks the run's session while it waits for a lock: {@code pg_blocking_pids()} of its backend, asked from a
 * second connection during the wait, since once the lock time-out fires the backend waits for nothing and no query
 * can tell which sessions blocked it. Only exactly those sessions are named: a reader whose lock does not conflict,
 * or a session queued behind the migration, is not. The second connection is opened only when an attempt lasts
 * longer than a moment, so a run of quick migrations never opens it.
 */
final class BlockerWatch implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration QUIET = Duration.ofMillis(200);

  private final Supplier<Connection> opener;
  private final int watchedPid;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
    Thread thread = new Thread(runnable, "migrate-blocker-watch");
    thread.setDaemon(true);
    return thread;
  });
  private Connection observer;
  private ScheduledFuture<?> polling;
  private volatile List<Blocker> lastSeen = List.of();

  /** @param opener a connection to the same database, not the watched one */
  BlockerWatch(Supplier<Connection> opener, int watchedPid) {
    this.opener = opener;
    this.watchedPid = watchedPid;
  }

  /** Starts watching one attempt; polling begins after a quiet moment, or sooner for a short lock time-out. */
  void attemptStarting(Duration lockTimeout) {
    lastSeen = List.of();
    long delay = Math.min(QUIET.toMillis(), Math.max(1, lockTimeout.toMillis() / 5));
    polling = timer.scheduleWithFixedDelay(this::look, delay, POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Stops watching; returns the sessions that blocked the attempt when last seen waiting (empty: none seen). */
  List<Blocker> attemptEnded() {
    if (polling != null) {
      polling.cancel(false);
      // Waits for a poll under way, so its result is not lost or mixed into the next attempt.
      runOnTimer(() -> { });
      polling = null;
    }
    return lastSeen;
  }

  private void look() {
    try {
      if (observer == null) {
        observer = opener.get();
      }
      List<Blocker> seen = blockers(observer);
      if (!seen.isEmpty()) {
        lastSeen = seen;
      }
    } catch (RuntimeException | SQLException e) {
      // Watching is best effort: the migration's own outcome is what the run reports.
      polling.cancel(false);
    }
  }

  private List<Blocker> blockers(Connection connection) throws SQLException {
    List<Blocker> blockers = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("""
        select a.pid, a.application_name, coalesce(extract(epoch from now() - a.xact_start)::bigint, 0), a.query
        from pg_stat_activity a
        where a.pid = any(pg_blocking_pids(?))
        order by a.xact_start""")) {
      query.setInt(1, watchedPid);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          blockers.add(new Blocker(rows.getInt(1), rows.getString(2), Duration.ofSeconds(rows.getLong(3)),
              rows.getString(4)));
        }
      }
    }
    return blockers;
  }

  @Override
  public void close() {
    runOnTimer(() -> {
      try {
        if (observer != null) {
          observer.close();
        }
      } catch (SQLException ignored) {
        // Closing a watching connection that already broke: nothing is left to release.
      }
    });
    timer.shutdownNow();
  }

  private void runOnTimer(Runnable work) {
    try {
      timer.submit(work).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      // A poll stuck on a dead link must not hold up the run; the daemon thread ends with the process.
    }
  }
}
