package com.authservice.migrate.run;

import com.authservice.migrate.checksum.Checksum;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.RunCancelled;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.javamigration.JavaMigrations;
import com.authservice.migrate.hook.Hooks;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.sql.PsqlScript;
import com.authservice.migrate.sql.SqlStatements;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Runs one migration and writes its changelog row in the same transaction, so a failure at any
 * statement leaves the database as it was before the migration. MyBatis commits the script and the
 * row separately; PostgreSQL's transactional DDL lets us do better. Each statement runs at most once:
 * a failure is reported, never retried.
 */
public final class MigrationRunner {

  private final Connection connection;
  private final ScriptFolder scripts;
  private final Changelog changelog;
  private final Cancellation cancellation;
  private final JavaMigrations javaMigrations;
  private final Hooks hooks;

  public MigrationRunner(Connection connection, ScriptFolder scripts, Changelog changelog) {
    this(connection, scripts, changelog, Cancellation.none());
  }

  public MigrationRunner(Connection connection, ScriptFolder scripts, Changelog changelog, Cancellation cancellation) {
    this(connection, scripts, changelog, cancellation, Hooks.NONE);
  }

  /** {@code hooks}: the run's MyBatis each-hooks, run inside each migration's transaction. */
  public MigrationRunner(Connection connection, ScriptFolder scripts, Changelog changelog, Cancellation cancellation,
      Hooks hooks) {
    this.connection = connection;
    this.scripts = scripts;
    this.changelog = changelog;
    this.cancellation = cancellation;
    this.javaMigrations = JavaMigrations.of(scripts.repository());
    this.hooks = hooks;
  }

  /**
   * Applies {@code migration}. A cancel fails it with {@link RunCancelled}, which lock-wait retries leave alone: the
   * server reports a user's cancel with the same SQLSTATE (57014) as a statement time-out.
   */
  public void apply(Migration migration) {
    apply(migration, Optional.empty());
  }

  /**
   * Applies {@code migration} with the session's new time-outs ({@code timeouts}: SQL that sets them) sent first, in
   * the same round trip and transaction, so that a script's own time-outs cost no round trip of their own.
   */
  public void apply(Migration migration, Optional<String> timeouts) {
    try {
      applyOnce(migration, timeouts);
    } catch (RuntimeException e) {
      throw cancelledOr(migration, false, e);
    }
  }

  private void applyOnce(Migration migration, Optional<String> timeouts) {
    String content = scripts.content(migration);
    // A Java migration's stub: its class runs instead of the stub's SQL.
    if (javaMigrations.run(connection, schema(), migration, content, Direction.UP, timeouts,
        () -> hooks.beforeEach(connection, migration), () -> {
          changelog.insert(connection, migration, Checksum.of(content));
          hooks.afterEach(connection, migration);
        })) {
      return;
    }
    List<PsqlScript.Command> commands = PsqlScript.read(migration.fileName(), scripts.upSql(migration), 1);
    List<SqlStatements.Statement> statements = commands.stream().map(PsqlScript.Command::statement).toList();
    String checksum = Checksum.of(content);
    // COPY data goes through the CopyManager, one command at a time: the pipeline carries plain statements only.
    boolean copies = commands.stream().anyMatch(command -> command.copyData().isPresent());
    if (!ScriptShape.runsWithoutTransaction(content) && !copies && !hooks.runsEach() && Batch.canCarry(statements)
        && readyForBatch()
        && new Batch(connection).run(migration.fileName(), timeouts, statements,
            changelog.insertSql(migration, checksum))) {
      return;
    }
    inTransaction(migration, content, timeouts, commands, Direction.UP,
        () -> changelog.insert(connection, migration, checksum));
  }

  private boolean readyForBatch() {
    try {
      return changelog.isReadyForBatch() || changelog.prepareForBatch(connection);
    } catch (SQLException e) {
      throw new DatabaseError("reading the changelog table " + changelog.table(), e);
    }
  }

  /** Undoes {@code migration}, with {@code timeouts} sent first as {@link #apply(Migration, Optional)} does. */
  public void undo(Migration migration, Optional<String> timeouts) {
    try {
      undoOnce(migration, timeouts);
    } catch (RuntimeException e) {
      throw cancelledOr(migration, true, e);
    }
  }

  /** {@code failure} as a cancel when one was requested; a no-transaction script's cancel is already one. */
  private RuntimeException cancelledOr(Migration migration, boolean undoing, RuntimeException failure) {
    if (failure instanceof RunCancelled || !cancellation.requested()) {
      return failure;
    }
    return RunCancelled.rolledBack(migration.fileName(), undoing, failure);
  }

  private void undoOnce(Migration migration, Optional<String> timeouts) {
    String content = scripts.content(migration);
    if (javaMigrations.run(connection, schema(), migration, content, Direction.DOWN, timeouts,
        () -> hooks.beforeEach(connection, migration), () -> {
          changelog.delete(connection, migration.id());
          hooks.afterEach(connection, migration);
        })) {
      return;
    }
    int firstLine = ScriptShape.undoFirstLine(scripts, migration);
    List<PsqlScript.Command> commands = PsqlScript.read(migration.fileName(), scripts.undoSql(migration), firstLine);
    inTransaction(migration, content, timeouts, commands, Direction.DOWN, () -> {
      // Undoing the bootstrap script drops the changelog itself; then there is no row left to delete.
      if (changelog.exists(connection)) {
        changelog.delete(connection, migration.id());
      }
    });
  }

  private void inTransaction(Migration migration, String content, Optional<String> timeouts,
      List<PsqlScript.Command> statements, Direction direction, Bookkeeping bookkeeping) {
    boolean transactional = !ScriptShape.runsWithoutTransaction(content);
    try {
      connection.setAutoCommit(!transactional);
      setTimeouts(migration, timeouts);
      hooks.beforeEach(connection, migration);
      execute(migration, statements, transactional, direction);
      bookkeeping.run();
      hooks.afterEach(connection, migration);
      if (transactional) {
        connection.commit();
      }
    } catch (SQLException e) {
      rollback();
      throw new DatabaseError("recording " + migration.fileName() + " in the changelog", e);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
  }

  private void execute(Migration migration, List<PsqlScript.Command> commands, boolean transactional,
      Direction direction) {
    List<SqlStatements.Statement> statements = commands.stream().map(PsqlScript.Command::statement).toList();
    try (Statement statement = connection.createStatement()) {
      // SQL as psql reads it, as on the pipelined path: JDBC escapes such as {fn ...} are not rewritten.
      statement.setEscapeProcessing(false);
      for (int i = 0; i < statements.size(); i++) {
        SqlStatements.Statement sql = statements.get(i);
        try {
          if (cancellation.requested()) {
            throw new SQLException("cancelled before the statement started", "57014");
          }
          if (commands.get(i).copyData().isPresent()) {
            copyIn(sql.sql(), commands.get(i).copyData().get());
          } else {
            statement.execute(sql.sql());
          }
        } catch (SQLException | IOException e) {
          SQLException failure = e instanceof SQLException sqlFailure ? sqlFailure
              : new SQLException("reading the COPY data: " + e.getMessage(), "57014", e);
          if (!transactional && cancellation.requested()) {
            ScriptFailed.Ran ran = ran(statements.subList(0, i));
            throw RunCancelled.withoutTransaction(migration.fileName(), sql.line(), ran.statements(), ran.firstLine(),
                ran.lastLine(), direction == Direction.DOWN, failure);
          }
          if (transactional) {
            throw new ScriptFailed(migration.fileName(), sql.line(), sql.sql(), failure);
          }
          throw ScriptFailed.withoutTransaction(migration.fileName(), sql.line(), sql.sql(), failure,
              ran(statements.subList(0, i)), direction == Direction.DOWN);
        }
      }
    } catch (SQLException e) {
      throw new DatabaseError("running " + migration.fileName(), e);
    }
  }

  private void setTimeouts(Migration migration, Optional<String> timeouts) {
    if (timeouts.isEmpty()) {
      return;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute(timeouts.get());
    } catch (SQLException e) {
      throw new DatabaseError("setting the time-outs of " + migration.fileName(), e);
    }
  }

  /** psql's {@code COPY ... FROM stdin} with the data lines that followed it, on this connection and transaction. */
  private void copyIn(String sql, String data) throws SQLException, IOException {
    new CopyManager(connection.unwrap(BaseConnection.class)).copyIn(sql, new StringReader(data));
  }

  /** Without a transaction, what ran before the failing statement stays; the message says what that was. */
  private static ScriptFailed.Ran ran(List<SqlStatements.Statement> before) {
    if (before.isEmpty()) {
      return ScriptFailed.Ran.NOTHING;
    }
    return new ScriptFailed.Ran(before.size(), before.get(0).line(), before.get(before.size() - 1).lastLine());
  }

  private void rollback() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException ignored) {
      // The connection is gone; the server has rolled the transaction back.
    }
  }

  private String schema() {
    return changelog.table().substring(0, changelog.table().indexOf('.'));
  }

  @FunctionalInterface
  private interface Bookkeeping {
    void run() throws SQLException;
  }
}
