package com.authservice.migrate.run;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.sql.SqlStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Field;
import org.postgresql.core.Query;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultCursor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.core.Tuple;

/**
 * One migration's statements and its changelog row sent to the server in one round trip, in one
 * transaction, each statement exactly once: psql needs one round trip per statement, MyBatis several per
 * migration.
 */
final class Batch {

  /**
   * A script that returns rows is pipelined only up to this size: pgjdbc writes every part before it reads any
   * answer, so rows piling up on the server while pgjdbc still writes could make each side wait for the other.
   * Below this size the whole text fits in the sockets' buffers, as pgjdbc bounds its own batches (64,000 bytes).
   */
  private static final int ROWS_PIPELINE_LIMIT = 64_000;
  /** Statements that never return rows; others (SELECT, WITH, RETURNING, ...) are pipelined in short scripts only. */
  private static final Set<String> ROWLESS = Set.of("create", "alter", "drop", "insert", "update", "delete",
      "grant", "revoke", "comment", "do", "truncate", "set", "reset", "reindex", "refresh", "lock", "notify",
      "cluster", "security", "analyze");
  private static final Pattern RETURNING = Pattern.compile("(?i)\\breturning\\b");
  private static final Pattern FIRST_WORD = Pattern.compile("^[\\s(]*([A-Za-z]+)");
  /**
   * pgjdbc parses the joined text with the session's setting as it was before the batch; a script that changes
   * how strings read part-way would be cut elsewhere than psql cuts it, so it takes the one-by-one path.
   */
  private static final Pattern CHANGES_STRING_SYNTAX = Pattern.compile("(?i)\\bstandard_conforming_strings\\b");
  /**
   * The separator starts on a new line, so a line comment at the end of a statement cannot swallow it, and the next
   * statement follows it directly, so that pg_stat_activity shows each statement as the script wrote it.
   */
  private static final String SEPARATOR = "\n;";

  private final Connection connection;

  Batch(Connection connection) {
    this.connection = connection;
  }

  static boolean canCarry(List<SqlStatements.Statement> statements) {
    int length = 0;
    boolean rows = false;
    for (SqlStatements.Statement statement : statements) {
      if (CHANGES_STRING_SYNTAX.matcher(statement.sql()).find()) {
        return false;
      }
      var word = FIRST_WORD.matcher(statement.sql());
      rows |= !word.find() || !ROWLESS.contains(word.group(1).toLowerCase(Locale.ROOT))
          || RETURNING.matcher(statement.sql()).find();
      length += statement.sql().length();
    }
    return !rows || length <= ROWS_PIPELINE_LIMIT;
  }

  /**
   * Runs {@code BEGIN}, the session's new time-outs ({@code timeouts}, if any: in the transaction, so a rollback
   * takes them back), the statements, {@code bookkeeping} and {@code COMMIT}, pipelined with one Sync. The
   * server skips everything after the first error, so no statement runs twice; counting the statements it
   * completed names the one that failed. Returns false, having sent nothing, when pgjdbc would cut the text
   * into other statements than {@link SqlStatements} did: then the count would point at the wrong line.
   *
   * @throws ScriptFailed when a statement failed; the transaction is rolled back
   */
  boolean run(String fileName, Optional<String> timeouts, List<SqlStatements.Statement> statements,
      String bookkeeping) {
    StringBuilder script = new StringBuilder("BEGIN");
    timeouts.ifPresent(sql -> script.append(SEPARATOR).append(sql));
    for (SqlStatements.Statement statement : statements) {
      script.append(SEPARATOR).append(statement.sql());
    }
    script.append(SEPARATOR).append(bookkeeping).append(SEPARATOR).append("COMMIT");
    Progress progress = new Progress();
    try {
      connection.setAutoCommit(true);
      // pgjdbc's public API does not say which statement of a pipeline failed (a batch marks them all
      // EXECUTE_FAILED), so this one use of its executor counts the completions itself.
      QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
      Query query = executor.createSimpleQuery(script.toString());
      Query[] parts = query.getSubqueries();
      int before = timeouts.isPresent() ? 2 : 1;
      if (parts == null || parts.length != before + statements.size() + 2) {
        return false;
      }
      // ONESHOT, as Statement.execute passes it: unnamed statements. Without it pgjdbc prepares a named
      // server-side statement for every part, thousands per run, which made `up` of 1,000 migrations 1.3-1.8x slower.
      executor.execute(query, null, progress, 0, 0,
          QueryExecutor.QUERY_SUPPRESS_BEGIN | QueryExecutor.QUERY_ONESHOT);
      return true;
    } catch (SQLException e) {
      rollback();
      throw failure(fileName, timeouts.isPresent(), statements, progress.completed, e);
    }
  }

  /**
   * {@code completed} parts of BEGIN, the time-outs (if sent), the statements, the bookkeeping and COMMIT ran before
   * {@code e}.
   */
  private static RuntimeException failure(String fileName, boolean timeouts, List<SqlStatements.Statement> statements,
      int completed, SQLException e) {
    if (timeouts && completed == 1) {
      return new DatabaseError("setting the time-outs of " + fileName + " (rolled back)", e);
    }
    int statement = completed - (timeouts ? 2 : 1);
    if (statement >= 0 && statement < statements.size()) {
      SqlStatements.Statement failed = statements.get(statement);
      return new ScriptFailed(fileName, failed.line(), failed.sql(), e);
    }
    if (statement == statements.size()) {
      return new DatabaseError("recording " + fileName + " in the changelog (rolled back)", e);
    }
    return new DatabaseError((completed == 0 ? "starting " : "committing ") + fileName + " (rolled back)", e);
  }

  /** The failed pipeline leaves its explicit transaction open (aborted) on the server. */
  private void rollback() {
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // The connection is gone; the server has rolled the transaction back.
    }
  }

  /** Counts the parts the server completed before the first error; warnings (NOTICEs) are not failures. */
  private static final class Progress extends ResultHandlerBase {
    private int completed;

    @Override
    public void handleResultRows(Query fromQuery, Field[] fields, List<Tuple> tuples, ResultCursor cursor) {
      countIfNoErrorYet();
    }

    @Override
    public void handleCommandStatus(String status, long updateCount, long insertOid) {
      countIfNoErrorYet();
    }

    @Override
    public void handleWarning(SQLWarning warning) {
      // MyBatis' throwWarning=false: a NOTICE from DROP ... IF EXISTS is not an error.
    }

    private void countIfNoErrorYet() {
      if (getException() == null) {
        completed++;
      }
    }
  }
}
