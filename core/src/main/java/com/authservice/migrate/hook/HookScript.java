package com.authservice.migrate.hook;

import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.sql.PsqlScript;
import com.authservice.migrate.sql.SqlStatements;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** One SQL hook, its variables already replaced: runs its statements on the run's connection, once each. */
record HookScript(HookSetting setting, String sql) {

  /**
   * Runs the statements in whatever transaction {@code connection} is in; a failing one throws, naming the hook,
   * with {@code aftermath} saying what was rolled back (the caller rolls back).
   */
  void run(Connection connection, String aftermath) {
    List<PsqlScript.Command> commands = PsqlScript.read("hooks/" + setting.fileName(), sql, 1);
    try (Statement statement = connection.createStatement()) {
      statement.setEscapeProcessing(false);
      for (PsqlScript.Command command : commands) {
        SqlStatements.Statement sql = command.statement();
        try {
          statement.execute(sql.sql());
        } catch (SQLException e) {
          throw ScriptFailed.inHook(setting.shown(), sql.line(), sql.sql(), e, aftermath);
        }
      }
    } catch (SQLException e) {
      throw ScriptFailed.inHook(setting.shown(), 1, sql, e, aftermath);
    }
  }
}
