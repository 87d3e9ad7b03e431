package com.authservice.migrate.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One migration's statements and its changelog row sent to the server as one JDBC batch, then committed:
 * two round trips per migration instead of one per statement plus the bookkeeping.
 */
final class Batch {

  /** Statements that never return rows; anything else (SELECT, RETURNING, ...) takes the one-by-one path. */
  private static final Set<String> ROWLESS = Set.of("create", "alter", "drop", "insert", "update", "delete",
      "grant", "revoke", "comment", "do", "truncate", "set", "reset", "reindex", "refresh", "lock", "notify",
      "cluster", "security");
  private static final Pattern RETURNING = Pattern.compile("(?i)\\breturning\\b");
  private static final Pattern FIRST_WORD = Pattern.compile("^[\\s(]*([A-Za-z]+)");

  private final Connection connection;

  Batch(Connection connection) {
    this.connection = connection;
  }

  static boolean canCarry(List<SqlStatements.Statement> statements) {
    for (SqlStatements.Statement statement : statements) {
      var word = FIRST_WORD.matcher(statement.sql());
      if (!word.find() || !ROWLESS.contains(word.group(1).toLowerCase(Locale.ROOT))
          || RETURNING.matcher(statement.sql()).find()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Runs the statements and {@code bookkeeping} in one transaction. Returns false, with nothing changed,
   * when the batch failed: pgjdbc does not say which statement did, so the caller runs them again one by
   * one, which either names the failing line or (for a passing failure) completes the migration.
   */
  boolean run(List<SqlStatements.Statement> statements, String bookkeeping) {
    try {
      connection.setAutoCommit(false);
      try (Statement batch = connection.createStatement()) {
        for (SqlStatements.Statement statement : statements) {
          batch.addBatch(statement.sql());
        }
        batch.addBatch(bookkeeping);
        batch.executeBatch();
      }
      connection.commit();
      return true;
    } catch (SQLException e) {
      rollback();
      return false;
    }
  }

  private void rollback() {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is gone; the server has rolled the transaction back.
    }
  }
}
