package com.authservice.migrate.errors;

import java.sql.SQLException;

/** A statement of a migration failed; the migration was rolled back and the run stopped there. */
public final class ScriptFailed extends MigrationException {
  private final String fileName;
  private final int line;
  private final String sqlState;

  public ScriptFailed(String fileName, int line, String statement, SQLException cause) {
    super(fileName + " line " + line + ": " + DatabaseError.firstLine(cause.getMessage())
        + " (in: " + abbreviate(statement) + "). "
        + "The migration was rolled back; fix the script and run the command again.", cause);
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

  private static String abbreviate(String statement) {
    String oneLine = statement.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
  }
}
