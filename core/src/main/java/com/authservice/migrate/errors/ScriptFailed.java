package com.authservice.migrate.errors;

import java.sql.SQLException;

/** A statement of a migration failed; the migration was rolled back and the run stopped there. */
public final class ScriptFailed extends MigrationException {
  private final String fileName;
  private final int line;
  private final String sqlState;

  public ScriptFailed(String fileName, int line, String statement, SQLException cause) {
    super(fileName + " line " + line + ": " + DatabaseError.firstLine(cause.getMessage())
        + " (in: " + abbreviate(statement) + "). " + hint(cause.getSQLState()), cause);
    this.fileName = fileName;
    this.line = line;
    this.sqlState = cause.getSQLState();
  }

  public String fileName() {
    return fileName;
  }

  public int line() {
    return line;
  }

  public String sqlState() {
    return sqlState;
  }

  private static String hint(String sqlState) {
    String undone = "The migration was rolled back; ";
    if ("42501".equals(sqlState)) {
      return undone + "grant the missing privilege or run migrations as the schema's owner.";
    }
    return undone + "fix the script and run the command again.";
  }

  private static String abbreviate(String statement) {
    String oneLine = statement.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
  }
}
