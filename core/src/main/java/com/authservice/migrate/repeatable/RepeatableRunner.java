package com.authservice.migrate.repeatable;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.errors.RunCancelled;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.run.Cancellation;
import com.authservice.migrate.sql.PsqlScript;
import com.authservice.migrate.sql.SqlStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies repeatable scripts, each with its record in one transaction: a failing script is rolled back with its
 * record, so it stays due, and the scripts applied before it stay applied. Each statement runs once.
 */
public final class RepeatableRunner {

  private final Connection connection;
  private final RepeatableLog log;
  private final Cancellation cancellation;

  public RepeatableRunner(Connection connection, RepeatableLog log, Cancellation cancellation) {
    this.connection = connection;
    this.log = log;
    this.cancellation = cancellation;
  }

  /** Applies {@code due} in order; returns their file names. Stops at the first failure, which it throws. */
  public List<String> apply(List<RepeatableScript> due) {
    List<String> applied = new ArrayList<>();
    for (RepeatableScript script : due) {
      if (cancellation.requested()) {
        throw RunCancelled.before(RepeatableFolder.NAME + "/" + script.fileName(),
            new SQLException("cancelled", "57014"));
      }
      applyOne(script, applied.isEmpty());
      applied.add(script.fileName());
    }
    return applied;
  }

  private void applyOne(RepeatableScript script, boolean first) {
    String fileName = RepeatableFolder.NAME + "/" + script.fileName();
    List<PsqlScript.Command> commands = PsqlScript.read(fileName, script.content(), 1);
    if (commands.stream().anyMatch(command -> command.copyData().isPresent())) {
      throw new MalformedScript(fileName, "COPY ... FROM stdin belongs in a versioned migration, not in a "
          + "repeatable script (it would load its rows again at every change).");
    }
    try (Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      // SQL as psql reads it, as for versioned migrations: JDBC escapes such as {fn ...} are not rewritten.
      statement.setEscapeProcessing(false);
      if (first) {
        statement.execute(log.createSql());
      }
      for (PsqlScript.Command command : commands) {
        SqlStatements.Statement sql = command.statement();
        try {
          statement.execute(sql.sql());
        } catch (SQLException e) {
          rollback();
          throw new ScriptFailed(fileName, sql.line(), sql.sql(), e);
        }
      }
      statement.execute(log.recordSql(script));
      connection.commit();
    } catch (SQLException e) {
      rollback();
      throw new DatabaseError("recording " + fileName + " in " + log.table(), e);
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
