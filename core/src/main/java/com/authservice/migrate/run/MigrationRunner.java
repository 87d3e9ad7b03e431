package com.authservice.migrate.run;

import com.authservice.migrate.checksum.Checksum;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Migration;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Runs one migration and writes its changelog row in the same transaction, so a failure at any
 * statement leaves the database as it was before the migration. MyBatis commits the script and the
 * row separately; PostgreSQL's transactional DDL lets us do better.
 */
public final class MigrationRunner {

  private final Connection connection;
  private final ScriptFolder scripts;
  private final Changelog changelog;

  public MigrationRunner(Connection connection, ScriptFolder scripts, Changelog changelog) {
    this.connection = connection;
    this.scripts = scripts;
    this.changelog = changelog;
  }

  public void apply(Migration migration) {
    String content = scripts.content(migration);
    List<SqlStatements.Statement> statements = SqlStatements.split(scripts.upSql(migration), 1);
    String checksum = Checksum.of(content);
    if (!ScriptLint.runsWithoutTransaction(content) && Batch.canCarry(statements) && readyForBatch()) {
      if (new Batch(connection).run(statements, changelog.insertSql(migration, checksum))) {
        return;
      }
    }
    inTransaction(migration, content, statements, () -> changelog.insert(connection, migration, checksum));
  }

  private boolean readyForBatch() {
    try {
      return changelog.isReadyForBatch() || changelog.prepareForBatch(connection);
    } catch (SQLException e) {
      throw new DatabaseError("reading the changelog table " + changelog.table(), e);
    }
  }

  public void undo(Migration migration) {
    String content = scripts.content(migration);
    int firstLine = ScriptLint.undoFirstLine(scripts, migration);
    List<SqlStatements.Statement> statements = SqlStatements.split(scripts.undoSql(migration), firstLine);
    inTransaction(migration, content, statements, () -> {
      // Undoing the bootstrap script drops the changelog itself; then there is no row left to delete.
      if (changelog.exists(connection)) {
        changelog.delete(connection, migration.id());
      }
    });
  }

  private void inTransaction(Migration migration, String content, List<SqlStatements.Statement> statements,
      Bookkeeping bookkeeping) {
    boolean transactional = !ScriptLint.runsWithoutTransaction(content);
    try {
      connection.setAutoCommit(!transactional);
      execute(migration, statements);
      bookkeeping.run();
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

  private void execute(Migration migration, List<SqlStatements.Statement> statements) {
    try (Statement statement = connection.createStatement()) {
      for (SqlStatements.Statement sql : statements) {
        try {
          statement.execute(sql.sql());
        } catch (SQLException e) {
          throw new ScriptFailed(migration.fileName(), sql.line(), sql.sql(), e);
        }
      }
    } catch (SQLException e) {
      throw new DatabaseError("running " + migration.fileName(), e);
    }
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

  @FunctionalInterface
  private interface Bookkeeping {
    void run() throws SQLException;
  }
}
