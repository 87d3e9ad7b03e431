package com.authservice.migrate.lock;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.LockTimeout;
import com.authservice.migrate.sql.RoundTrip;
import com.authservice.migrate.result.RunListener;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.zip.CRC32;

/**
 * One migration run at a time per changelog: a session-level advisory lock held by the connection that
 * runs the migrations. Session level, because a transaction-level lock (Flyway's default) deadlocks with
 * {@code CREATE INDEX CONCURRENTLY} and would end with the first commit. On the working connection, because
 * the server releases it only when that backend ends: a killed run's statement that is still running on the
 * server keeps the lock until it stops, so the next run never overlaps it (a lock on a connection of its own
 * was freed at once, while the work went on), and a killed run never leaves a stale lock (Liquibase's lock
 * row does).
 */
public final class MigrationLock implements AutoCloseable {

  private static final Duration POLL = Duration.ofMillis(200);

  private final Connection connection;
  private final long key;

  private MigrationLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
  }

  /**
   * Takes the lock for {@code changelogTable} on {@code connection}, the one that will run the work, waiting
   * up to {@code timeout}. The caller closes the connection; {@link #close()} only releases the lock.
   */
  public static MigrationLock acquire(Connection connection, String changelogTable, Duration timeout,
      RunListener listener) {
    try {
      connection.setAutoCommit(true);
      return acquire(connection, changelogTable, timeout, listener, tryLock(connection, keyFor(changelogTable)));
    } catch (SQLException e) {
      throw new DatabaseError("taking the migration lock", e);
    }
  }

  /**
   * Asks for the lock in {@code trip}, with the other questions a run starts with, so that taking it costs no
   * round trip of its own; the answer goes to {@link #acquire(Connection, String, Duration, RunListener, boolean)}.
   * The connection must be in auto-commit: the lock outlives the transaction it was taken in.
   */
  public static RoundTrip.Answer<Boolean> askFirstTry(RoundTrip trip, String changelogTable) {
    return trip.ask("select pg_try_advisory_lock(?)", List.of(keyFor(changelogTable)), row -> {
      row.next();
      return row.getBoolean(1);
    });
  }

  /** Like {@link #acquire(Connection, String, Duration, RunListener)} after a first try that {@code gotIt} or not. */
  public static MigrationLock acquire(Connection connection, String changelogTable, Duration timeout,
      RunListener listener, boolean gotIt) {
    long key = keyFor(changelogTable);
    long deadline = System.nanoTime() + timeout.toNanos();
    String announcedHolder = null;
    try {
      connection.setAutoCommit(true);
      boolean held = gotIt;
      while (!held) {
        String holder = holder(connection, key);
        if (System.nanoTime() >= deadline) {
          throw new LockTimeout(timeout, holder);
        }
        if (!holder.equals(announcedHolder)) {
          listener.waitingForLock(holder);
          announcedHolder = holder;
        }
        Thread.sleep(POLL.toMillis());
        held = tryLock(connection, key);
      }
      return new MigrationLock(connection, key);
    } catch (SQLException e) {
      throw new DatabaseError("taking the migration lock", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LockTimeout(Duration.ZERO, "interrupted while waiting");
    }
  }

  /** A stable number per changelog table, so runs against different schemas do not wait for each other. */
  static long keyFor(String changelogTable) {
    CRC32 crc = new CRC32();
    crc.update(("auth-migrate:" + changelogTable).getBytes(StandardCharsets.UTF_8));
    return 0x4D49_4700_0000_0000L | crc.getValue();
  }

  /** Releases the lock; ROLLBACK and COMMIT never do, a session-level lock outlives transactions. */
  @Override
  public void close() {
    try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
      unlock.setLong(1, key);
      unlock.execute();
    } catch (SQLException ignored) {
      // The connection is broken or in a failed transaction: closing it, as the caller does, releases the lock.
    }
  }

  private static boolean tryLock(Connection connection, long key) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
      lock.setLong(1, key);
      try (ResultSet row = lock.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  /** "pid 1234 of auth-migrate from 10.0.0.5, running since 12:03:11" — enough to find it. */
  private static String holder(Connection connection, long key) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("""
        select l.pid, coalesce(nullif(a.application_name, ''), '?'), coalesce(host(a.client_addr), 'local'),
               to_char(a.backend_start, 'HH24:MI:SS')
        from pg_locks l left join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted and l.classid::bigint = ? and l.objid::bigint = ? and l.objsubid = 1""")) {
      query.setLong(1, (key >>> 32) & 0xFFFF_FFFFL);
      query.setLong(2, key & 0xFFFF_FFFFL);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          return "pid unknown";
        }
        return "pid " + row.getInt(1) + " of " + row.getString(2) + " from " + row.getString(3)
            + ", connected since " + row.getString(4);
      }
    }
  }
}
