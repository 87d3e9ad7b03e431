package com.authservice.migrate.run;

import com.authservice.migrate.errors.MalformedScript;

/**
 * Finds what psql handles itself and PostgreSQL never sees: a backslash meta-command ({@code \set}, {@code \i},
 * {@code \gset}, ...) or a variable ({@code :name}, {@code :'name'}, {@code :"name"}) outside quotes, comments and
 * dollar-quoted bodies, where psql's lexer would act on them. A cast ({@code ::}), an assignment ({@code :=}) and an
 * array slice ({@code a[1:n]}) are SQL.
 */
final class PsqlOnly {

  private PsqlOnly() {
  }

  /** Refuses {@code statement} when it holds a psql meta-command or variable, naming its line. */
  static void refuse(String fileName, SqlStatements.Statement statement) {
    String sql = statement.sql();
    int brackets = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      char next = i + 1 < sql.length() ? sql.charAt(i + 1) : '\0';
      if (c == '-' && next == '-') {
        i = end(sql.indexOf('\n', i), sql);
      } else if (c == '/' && next == '*') {
        i = blockCommentEnd(sql, i);
      } else if (c == '\'') {
        i = quotedEnd(sql, i, '\'', isEscapeString(sql, i));
      } else if (c == '"') {
        i = quotedEnd(sql, i, '"', false);
      } else if (c == '$' && dollarTagEnd(sql, i) > i) {
        String tag = sql.substring(i, dollarTagEnd(sql, i) + 1);
        i = end(sql.indexOf(tag, i + tag.length()), sql) + tag.length();
      } else if (c == '\\') {
        throw refusal(fileName, statement, i, "\\" + word(sql, i + 1) + " is a psql meta-command");
      } else if (c == ':' && next == ':') {
        i += 2;
      } else if (c == ':' && brackets == 0 && (next == '\'' || next == '"' || Character.isLetter(next) || next == '_')
          && (i == 0 || sql.charAt(i - 1) != ':')) {
        throw refusal(fileName, statement, i, "\"" + variable(sql, i) + "\" is a psql variable");
      } else {
        brackets += c == '[' ? 1 : c == ']' && brackets > 0 ? -1 : 0;
        i++;
      }
    }
  }

  private static MalformedScript refusal(String fileName, SqlStatements.Statement statement, int at, String what) {
    int line = statement.line() + (int) statement.sql().substring(0, at).chars().filter(c -> c == '\n').count();
    return new MalformedScript(fileName, "line " + line + ": " + what + ", which only psql understands; the console "
        + "sends SQL to PostgreSQL as it is written: remove it, or write its value into the SQL");
  }

  private static String word(String sql, int from) {
    int to = from;
    while (to < sql.length() && !Character.isWhitespace(sql.charAt(to))) {
      to++;
    }
    return sql.substring(from, to);
  }

  private static String variable(String sql, int colon) {
    char open = sql.charAt(colon + 1);
    if (open == '\'' || open == '"') {
      int close = sql.indexOf(open, colon + 2);
      return close < 0 ? sql.substring(colon) : sql.substring(colon, close + 1);
    }
    int to = colon + 1;
    while (to < sql.length() && (Character.isLetterOrDigit(sql.charAt(to)) || sql.charAt(to) == '_')) {
      to++;
    }
    return sql.substring(colon, to);
  }

  private static int end(int found, String sql) {
    return found < 0 ? sql.length() : found;
  }

  private static int blockCommentEnd(String sql, int from) {
    int depth = 0;
    int i = from;
    while (i < sql.length()) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        i += 2;
        if (--depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  private static boolean isEscapeString(String sql, int quote) {
    return quote > 0 && Character.toUpperCase(sql.charAt(quote - 1)) == 'E'
        && (quote == 1 || !Character.isLetterOrDigit(sql.charAt(quote - 2)) && sql.charAt(quote - 2) != '_');
  }

  private static int quotedEnd(String sql, int open, char quote, boolean backslashEscapes) {
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** The index of the closing {@code $} of a tag opening at {@code open}, or {@code open} when it is none. */
  private static int dollarTagEnd(String sql, int open) {
    if (open > 0 && (Character.isLetterOrDigit(sql.charAt(open - 1)) || sql.charAt(open - 1) == '_')) {
      return open;
    }
    int i = open + 1;
    if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
      return open;
    }
    while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
      i++;
    }
    return i < sql.length() && sql.charAt(i) == '$' ? i : open;
  }
}
