package com.authservice.migrate.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at top-level semicolons, the way psql does: semicolons inside
 * quotes, quoted identifiers, comments and dollar-quoted bodies ({@code $$ ... $$}, {@code $fn$ ... $fn$})
 * do not end a statement. MyBatis' line-by-line splitter cuts function bodies apart; this one does not.
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
    List<Statement> statements = new ArrayList<>();
    int length = script.length();
    int start = 0;
    int line = firstLine;
    int startLine = -1;
    int i = 0;
    while (i < length) {
      char c = script.charAt(i);
      int next;
      if (c == '-' && peek(script, i + 1) == '-') {
        next = lineEnd(script, i);
      } else if (c == '/' && peek(script, i + 1) == '*') {
        next = blockCommentEnd(script, i);
      } else {
        if (startLine < 0 && !Character.isWhitespace(c)) {
          // Comments before a statement are not part of it: error messages quote the statement itself.
          startLine = line;
          start = i;
        }
        if (c == '\'') {
          next = quotedEnd(script, i, '\'', isEscapeString(script, i));
        } else if (c == '"') {
          next = quotedEnd(script, i, '"', false);
        } else if (c == '$') {
          next = dollarQuotedEnd(script, i);
        } else if (c == ';') {
          addStatement(statements, script.substring(start, i), startLine);
          start = i + 1;
          startLine = -1;
          next = i + 1;
        } else {
          next = i + 1;
        }
      }
      line += countNewlines(script, i, next);
      i = next;
    }
    addStatement(statements, script.substring(start), startLine);
    return statements;
  }

  private static void addStatement(List<Statement> statements, String sql, int line) {
    if (line >= 0 && !sql.isBlank()) {
      statements.add(new Statement(sql.strip(), line));
    }
  }

  private static char peek(String s, int index) {
    return index < s.length() ? s.charAt(index) : '\0';
  }

  private static int lineEnd(String s, int from) {
    int newline = s.indexOf('\n', from);
    return newline < 0 ? s.length() : newline;
  }

  /** PostgreSQL block comments nest. */
  private static int blockCommentEnd(String s, int from) {
    int depth = 0;
    int i = from;
    while (i < s.length()) {
      if (s.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (s.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static boolean isEscapeString(String s, int quote) {
    if (quote == 0 || Character.toUpperCase(s.charAt(quote - 1)) != 'E') {
      return false;
    }
    return quote == 1 || !Character.isLetterOrDigit(s.charAt(quote - 2)) && s.charAt(quote - 2) != '_';
  }

  /** Index after the closing quote; a doubled quote is an escaped one. */
  private static int quotedEnd(String s, int open, char quote, boolean backslashEscapes) {
    int i = open + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (backslashEscapes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (peek(s, i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  /** {@code $tag$ ... $tag$}; a lone {@code $} (as in {@code $1}) is not a quote. */
  private static int dollarQuotedEnd(String s, int open) {
    if (open > 0 && (Character.isLetterOrDigit(s.charAt(open - 1)) || s.charAt(open - 1) == '_')) {
      return open + 1;
    }
    int tagEnd = open + 1;
    while (tagEnd < s.length() && (Character.isLetterOrDigit(s.charAt(tagEnd)) || s.charAt(tagEnd) == '_')) {
      if (tagEnd == open + 1 && Character.isDigit(s.charAt(tagEnd))) {
        return open + 1;
      }
      tagEnd++;
    }
    if (tagEnd >= s.length() || s.charAt(tagEnd) != '$') {
      return open + 1;
    }
    String tag = s.substring(open, tagEnd + 1);
    int close = s.indexOf(tag, tagEnd + 1);
    return close < 0 ? s.length() : close + tag.length();
  }

  private static int countNewlines(String s, int from, int to) {
    int count = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        count++;
      }
    }
    return count;
  }
}
