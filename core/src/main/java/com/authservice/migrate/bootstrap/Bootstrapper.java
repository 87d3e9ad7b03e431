package com.authservice.migrate.bootstrap;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.run.Changelog;
import com.authservice.migrate.sql.SqlStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * MyBatis' {@code bootstrap}: runs {@code scripts/bootstrap.sql}, the schema of a database that existed
 * before migrations, once, before the first migration. It is recorded nowhere and has no undo. As MyBatis
 * does, it refuses once the changelog table exists (migrations were applied) unless forced. Unlike
 * MyBatis, it runs in one transaction: a failing statement leaves nothing of the script behind.
 */
public final class Bootstrapper {

  public static final String FILE = "bootstrap.sql";

  private final Connection connection;
  private final ScriptFolder scripts;
  private final Changelog changelog;
  private final boolean force;

  public Bootstrapper(Connection connection, ScriptFolder scripts, Changelog changelog, boolean force) {
    this.connection = connection;
    this.scripts = scripts;
    this.changelog = changelog;
    this.force = force;
  }

  /** Runs the script and returns how many statements it held. */
  public int run() {
    if (!force && changelog.exists(connection)) {
      throw new StateConflict("The changelog table " + changelog.table() + " exists, so migrations were applied: "
          + FILE + " only runs on a database that predates them (as in MyBatis). If you are certain, add --force.");
    }
    String sql = scripts.bootstrapSql().orElseThrow(() -> new StateConflict("There is no " + FILE + " in "
        + scripts.location() + ": put the existing database's DDL there (init writes one to start from)."));
    List<SqlStatements.Statement> statements = SqlStatements.split(sql, 1);
    try {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        for (SqlStatements.Statement each : statements) {
          execute(statement, each);
        }
      }
      connection.commit();
      return statements.size();
    } catch (SQLException e) {
      rollback();
      throw new DatabaseError("running " + FILE, e);
    } catch (RuntimeException e) {
      rollback();
      throw e;
    }
  }

  private static void execute(Statement statement, SqlStatements.Statement sql) {
    try {
      statement.execute(sql.sql());
    } catch (SQLException e) {
      throw new ScriptFailed(FILE, sql.line(), sql.sql(), e);
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
