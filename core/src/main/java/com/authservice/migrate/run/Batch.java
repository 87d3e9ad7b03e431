package com.authservice.migrate.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One migration's statements and its changelog row sent to the server in one round trip, in one
 * transaction: psql needs one round trip per statement, MyBatis several per migration.
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
   * Runs the statements and {@code bookkeeping} in one transaction, sent as a single pipelined
   * {@code BEGIN; ...; COMMIT} so the whole migration costs one round trip. Returns false, with nothing
   * changed, when it failed: the caller then runs the statements one by one, which names the failing
   * line (pgjdbc does not say which statement of a pipeline failed).
   */
  boolean run(List<SqlStatements.Statement> statements, String bookkeeping) {
    StringBuilder script = new StringBuilder("BEGIN;\n");
    for (SqlStatements.Statement statement : statements) {
      script.append(statement.sql()).append(";\n");
    }
    script.append(bookkeeping).append(";\nCOMMIT");
    try {
      connection.setAutoCommit(true);
      try (Statement pipeline = connection.createStatement()) {
        pipeline.execute(script.toString());
      }
      return true;
    } catch (SQLException e) {
      rollback();
      return false;
    }
  }

  /** The failed pipeline leaves its explicit transaction open (aborted) on the server. */
  private void rollback() {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // The connection is gone; the server has rolled the transaction back.
    }
  }
}
