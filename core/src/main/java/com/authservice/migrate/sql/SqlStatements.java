package com.authservice.migrate.sql;

import java.util.List;

/**
 * Splits a script into statements where psql would send them, by {@link PsqlLexer}: at semicolons outside
 * comments, strings, quoted identifiers, dollar-quoted bodies, parentheses and SQL-standard function bodies.
 * The one splitter of the project: {@code up}, {@code down}, lint, stamp and bootstrap all read scripts
 * through it.
 */
public final class SqlStatements {

  /** One statement and the line of the script it starts on (1-based). */
  public record Statement(String sql, int line) {

    /** The line it ends on. */
    public int lastLine() {
      return line + (int) sql.chars().filter(c -> c == '\n').count();
    }
  }

  private SqlStatements() {
  }

  public static List<Statement> split(String script) {
    return split(script, 1);
  }

  /** As {@link #split(String)}, numbering lines from {@code firstLine}. */
  public static List<Statement> split(String script, int firstLine) {
    return new PsqlLexer(script, firstLine).statements();
  }
}
