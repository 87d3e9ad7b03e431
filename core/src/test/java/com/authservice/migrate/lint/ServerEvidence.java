package com.authservice.migrate.lint;

import com.authservice.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * What PostgreSQL really does with a statement, read from the server: the lock modes its session holds on a
 * table (pg_locks, read from another session while the statement's transaction is open) and whether the
 * table was rewritten (a new pg_class.relfilenode).
 */
final class ServerEvidence {

  /** @param locks the lock modes held on the table, e.g. AccessExclusiveLock */
  record Effect(Set<String> locks, boolean rewritten, List<String> messages) {
  }

  private final TestDatabase db;

  ServerEvidence(TestDatabase db) {
    this.db = db;
  }

  /** Runs {@code sql} in a transaction, reads the evidence while it is open, then rolls it back. */
  Effect inTransaction(String table, String sql) throws SQLException {
    long before = relfilenode(db.connect(), table, true);
    try (Connection session = db.connect(); Statement statement = session.createStatement()) {
      session.setAutoCommit(false);
      statement.execute("set client_min_messages = debug1");
      statement.execute(sql);
      List<String> messages = new ArrayList<>();
      for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
        messages.add(w.getMessage());
      }
      Set<String> locks = locksOf(pid(session), table);
      long after = relfilenode(session, table, false);
      boolean rewritten = after != 0 && after != before;
      session.rollback();
      return new Effect(locks, rewritten, messages);
    }
  }

  /** The SQLSTATE {@code sql} fails with in a transaction of its own (rolled back), or "ok". */
  String outcome(String sql) throws SQLException {
    try (Connection session = db.connect(); Statement statement = session.createStatement()) {
      session.setAutoCommit(false);
      try {
        statement.execute(sql);
        return "ok";
      } catch (SQLException e) {
        return e.getSQLState();
      } finally {
        session.rollback();
      }
    }
  }

  /**
   * Runs {@code sql} outside a transaction (as CONCURRENTLY needs) while another transaction that wrote to
   * {@code table} is open, so the statement waits in the middle of its work; returns the locks it holds on
   * the table then, and whether an INSERT ({@code write}) from a third session got through meanwhile.
   */
  Effect whileWaiting(String table, String sql, String write) throws Exception {
    try (Connection blocker = db.connect(); Statement blocking = blocker.createStatement();
        Connection session = db.connect(); Connection writer = db.connect()) {
      blocker.setAutoCommit(false);
      blocking.execute(write);
      int pid = pid(session);
      CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
        try (Statement statement = session.createStatement()) {
          statement.execute(sql);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      Set<String> locks = Set.of();
      for (int i = 0; i < 200 && locks.isEmpty(); i++) {
        Thread.sleep(25);
        locks = waitingLocks(pid, table);
      }
      String written = writes(writer, write);
      blocker.commit();
      running.get();
      return new Effect(locks, false, List.of("write " + written));
    }
  }

  /** Whether an INSERT from another session gets through while {@code sql}'s transaction is open. */
  String writeDuring(String sql, String write) throws SQLException {
    try (Connection session = db.connect(); Statement statement = session.createStatement();
        Connection writer = db.connect()) {
      session.setAutoCommit(false);
      statement.execute(sql);
      String written = writes(writer, write);
      session.rollback();
      return written;
    }
  }

  /** "ok", or "waits" when the write could not get its lock within 300 ms. */
  private static String writes(Connection writer, String write) throws SQLException {
    try (Statement statement = writer.createStatement()) {
      statement.execute("set lock_timeout = '300ms'");
      statement.execute(write);
      return "ok";
    } catch (SQLException e) {
      if ("55P03".equals(e.getSQLState())) {
        return "waits";
      }
      throw e;
    }
  }

  private Set<String> locksOf(int pid, String table) throws SQLException {
    try (Connection observer = db.connect(); PreparedStatement query = observer.prepareStatement("""
        select l.mode from pg_locks l join pg_class c on c.oid = l.relation
        where l.pid = ? and c.relname = ? and l.granted""")) {
      query.setInt(1, pid);
      query.setString(2, table);
      return modes(query);
    }
  }

  /** Locks granted to a session that is itself waiting (for the blocker) in the middle of its statement. */
  private Set<String> waitingLocks(int pid, String table) throws SQLException {
    try (Connection observer = db.connect(); PreparedStatement query = observer.prepareStatement("""
        select l.mode from pg_locks l join pg_class c on c.oid = l.relation
        where l.pid = ? and c.relname = ? and l.granted
          and exists (select 1 from pg_locks w where w.pid = l.pid and not w.granted)""")) {
      query.setInt(1, pid);
      query.setString(2, table);
      return modes(query);
    }
  }

  private static Set<String> modes(PreparedStatement query) throws SQLException {
    Set<String> modes = new TreeSet<>();
    try (ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        modes.add(rows.getString(1));
      }
    }
    return modes;
  }

  private static int pid(Connection session) throws SQLException {
    try (Statement statement = session.createStatement();
        ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }

  private static long relfilenode(Connection connection, String table, boolean close) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(
        "select relfilenode from pg_class where relname = ? and relkind in ('r', 'p')")) {
      query.setString(1, table);
      try (ResultSet row = query.executeQuery()) {
        // 0 when the statement dropped the table.
        return row.next() ? row.getLong(1) : 0;
      }
    } finally {
      if (close) {
        connection.close();
      }
    }
  }
}
