package com.authservice.migrate.errors;

import java.sql.SQLException;

/** An unexpected SQL failure, wrapped once with what was being done; keeps the SQLState. */
public final class DatabaseError extends MigrationException {
  private final String sqlState;

  public DatabaseError(String doing, SQLException cause) {
    super("Failed while " + doing + ": " + firstLine(cause.getMessage())
        + (cause.getSQLState() == null ? "" : " [SQLState " + cause.getSQLState() + "]"), cause);
    this.sqlState = cause.getSQLState();
  }

  public String sqlState() {
    return sqlState;
  }

  /** Driver messages run over several lines (hints, positions); a console error is one. */
  public static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text.strip() : text.substring(0, newline).strip();
  }
}
