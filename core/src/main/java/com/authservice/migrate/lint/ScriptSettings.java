package com.authservice.migrate.lint;

import com.authservice.migrate.sql.SqlStatements;
import java.util.List;
import java.util.Optional;

/** Which server settings a script sets itself, read with the same parser as lint. */
public final class ScriptSettings {

  private ScriptSettings() {
  }

  /** Whether {@code sql} has a {@code SET [LOCAL] lock_timeout}: the script then decides how long to wait. */
  public static boolean setsLockTimeout(String sql) {
    StatementParser parser = new StatementParser("public");
    return SqlStatements.split(sql).stream()
        .map(statement -> parser.parse(statement.sql()).orElse(List.of()))
        .flatMap(List::stream)
        .anyMatch(change -> change instanceof Change.SetParameter set && set.name().equals("lock_timeout"));
  }
}
