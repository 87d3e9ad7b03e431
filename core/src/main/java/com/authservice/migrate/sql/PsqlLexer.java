package com.authservice.migrate.sql;

import com.authservice.migrate.sql.SqlStatements.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where psql ends each statement of a script: a port of the rules of psql's lexer
 * ({@code src/fe_utils/psqlscan.l}, PostgreSQL 15) that decide it. A semicolon ends a statement unless it
 * is inside a comment ({@code --}, nested {@code /* *}{@code /}), a string ({@code '...'}, {@code E'...'},
 * {@code U&'...'}, {@code B'...'}, {@code X'...'}, continued across lines), a quoted identifier
 * ({@code "..."}, {@code U&"..."}), a dollar-quoted body ({@code $tag$ ... $tag$}), parentheses, or the
 * {@code BEGIN ... END} of a SQL-standard function body. Scans whole tokens, as flex does, so that
 * {@code abe'x'} is a name and a string, {@code a$$b} one name and {@code $1} a parameter. On the way it notes
 * what psql would act on itself and PostgreSQL never sees ({@link PsqlOnly}): a backslash meta-command or a
 * {@code :variable} outside quotes, comments and bodies.
 */
final class PsqlLexer {

  private final String s;
  private final int length;
  private final List<Statement> statements = new ArrayList<>();
  private final FunctionBodyDepth body = new FunctionBodyDepth();
  private final ConformingStrings conforming = new ConformingStrings();
  private final List<PsqlOnly> psqlOnly = new ArrayList<>();
  private final int firstLine;
  private int parenDepth;
  /** Array subscripts: {@code a[1:n]} is a slice, not a variable. */
  private int bracketDepth;
  /** Where the statement being read starts (its first character that is not a comment), or -1. */
  private int start = -1;
  private int line;
  private int lineCountedTo;

  PsqlLexer(String script, int firstLine) {
    this.s = script;
    this.length = script.length();
    this.line = firstLine;
    this.firstLine = firstLine;
  }

  List<Statement> statements() {
    int i = 0;
    while (i < length) {
      char c = s.charAt(i);
      if (isSpace(c)) {
        i++;
      } else if (c == '-' && at(i + 1) == '-') {
        i = lineEnd(i);
      } else if (c == '/' && at(i + 1) == '*') {
        i = blockCommentEnd(i);
      } else {
        if (start < 0) {
          // Comments before a statement are not part of it: error messages quote the statement itself.
          start = i;
        }
        i = token(i, c);
      }
    }
    add(length);
    return statements;
  }

  /** What {@link #statements()} found that only psql understands, in script order. */
  List<PsqlOnly> psqlOnly() {
    return psqlOnly;
  }

  /** Reads the token at {@code i} (not a comment or space) and returns the index after it. */
  private int token(int i, char c) {
    if (isIdentStart(c)) {
      return word(i, c);
    }
    if (isDigit(c) || c == '.' && isDigit(at(i + 1))) {
      return number(i);
    }
    switch (c) {
      case '\'':
        return string(i + 1, conforming.standardAt(i) ? Quote.STANDARD : Quote.ESCAPE);
      case '"':
        return quotedIdentifierEnd(i + 1);
      case '$':
        return dollar(i);
      case '(':
        parenDepth++;
        return i + 1;
      case ')':
        parenDepth = Math.max(0, parenDepth - 1);
        return i + 1;
      case '[':
        bracketDepth++;
        return i + 1;
      case ']':
        bracketDepth = Math.max(0, bracketDepth - 1);
        return i + 1;
      case '\\':
        psqlOnly.add(PsqlOnly.metaCommand(statements.size(), lineOf(i), s.substring(i, wordEnd(i + 1))));
        return i + 1;
      case ':':
        return colon(i);
      case ';':
        if (parenDepth == 0 && !body.insideBody()) {
          conforming.statementEnded(add(i), nextLineStart(i));
          body.nextStatement();
        }
        return i + 1;
      default:
        return i + 1;
    }
  }

  /**
   * {@code ::} is a cast and {@code :=} an assignment; {@code :name}, {@code :'name'} and {@code :"name"} are psql's
   * variables (psqlscan.l's {@code variable_char}s), except inside an array subscript.
   */
  private int colon(int i) {
    char next = at(i + 1);
    if (next == ':' || next == '=') {
      return i + 2;
    }
    if (bracketDepth == 0 && (next == '\'' || next == '"' || isIdentStart(next))) {
      int end = next == '\'' || next == '"' ? closingQuote(i + 2, next) : identifierEnd(i + 1);
      psqlOnly.add(PsqlOnly.variable(statements.size(), lineOf(i), s.substring(i, end)));
    }
    return i + 1;
  }

  private int closingQuote(int i, char quote) {
    int close = s.indexOf(quote, i);
    return close < 0 ? length : close + 1;
  }

  private int wordEnd(int i) {
    while (i < length && !isSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The line of {@code index}, counted afresh: psql-only input is rare and refused at once. */
  private int lineOf(int index) {
    return firstLine + (int) s.substring(0, index).chars().filter(c -> c == '\n').count();
  }

  /** An identifier or keyword, or the prefix of a string or quoted identifier ({@code E'}, {@code U&"}). */
  private int word(int i, char c) {
    char next = at(i + 1);
    char lower = Character.toLowerCase(c);
    if (next == '\'' && (lower == 'b' || lower == 'x')) {
      return string(i + 2, Quote.BITS);
    }
    if (next == '\'' && lower == 'e') {
      return string(i + 2, Quote.ESCAPE);
    }
    if (next == '\'' && lower == 'n') {
      return i + 1; // N'...' is an ordinary string after the N.
    }
    if (lower == 'u' && next == '&') {
      char quote = at(i + 2);
      return quote == '\'' ? string(i + 3, Quote.STANDARD) : quote == '"' ? quotedIdentifierEnd(i + 3) : i + 1;
    }
    int end = i + 1;
    while (end < length && isIdentCont(s.charAt(end))) {
      end++;
    }
    body.identifier(s.substring(i, end), parenDepth);
    return end;
  }

  /** A number; letters right after it belong to it (PostgreSQL 15's "trailing junk" rules). */
  private int number(int i) {
    int end = digits(i);
    if (at(end) == '.' && at(end + 1) != '.') {
      end = digits(end + 1);
    }
    char sign = at(end + 1);
    if ((at(end) == 'e' || at(end) == 'E')
        && (isDigit(sign) || (sign == '+' || sign == '-') && isDigit(at(end + 2)))) {
      end = digits(end + (isDigit(sign) ? 1 : 2));
    }
    return identifierEnd(end);
  }

  /** {@code $tag$} opens a dollar quote; {@code $1} is a parameter; anything else is a lone {@code $}. */
  private int dollar(int i) {
    if (isDigit(at(i + 1))) {
      return identifierEnd(digits(i + 1));
    }
    int tagEnd = i + 1;
    if (at(tagEnd) != '$') {
      if (!isIdentStart(at(tagEnd))) {
        return i + 1;
      }
      while (tagEnd < length && isIdentCont(s.charAt(tagEnd)) && s.charAt(tagEnd) != '$') {
        tagEnd++;
      }
      if (at(tagEnd) != '$') {
        return i + 1; // "$name" without a closing "$": the name is read as a name.
      }
    }
    String tag = s.substring(i, tagEnd + 1);
    int close = s.indexOf(tag, tagEnd + 1);
    return close < 0 ? length : close + tag.length();
  }

  /** The kinds of single-quoted strings, by what a backslash and a doubled quote mean in them. */
  private enum Quote { STANDARD, ESCAPE, BITS }

  /** Index after a string whose text starts at {@code i}, following continuations on later lines. */
  private int string(int i, Quote kind) {
    while (i < length) {
      char c = s.charAt(i);
      if (c == '\\' && kind == Quote.ESCAPE) {
        i += 2;
      } else if (c == '\'' && at(i + 1) == '\'' && kind != Quote.BITS) {
        i += 2;
      } else if (c == '\'') {
        int continued = continuation(i + 1);
        if (continued < 0) {
          return i + 1;
        }
        i = continued;
      } else {
        i++;
      }
    }
    return length;
  }

  /**
   * SQL's string continuation: a closing quote, then spaces and {@code --} comments holding at least one line
   * break, then an opening quote continue the same string, in the same kind. Returns the index after that
   * opening quote, or -1.
   */
  private int continuation(int i) {
    boolean newline = false;
    while (i < length) {
      char c = s.charAt(i);
      if (c == '\n' || c == '\r') {
        newline = true;
        i++;
      } else if (isSpace(c)) {
        i++;
      } else if (c == '-' && at(i + 1) == '-') {
        i = lineEnd(i);
      } else {
        return c == '\'' && newline ? i + 1 : -1;
      }
    }
    return -1;
  }

  private int quotedIdentifierEnd(int i) {
    while (i < length) {
      if (s.charAt(i) == '"') {
        if (at(i + 1) != '"') {
          return i + 1;
        }
        i++;
      }
      i++;
    }
    return length;
  }

  /** PostgreSQL's block comments nest. */
  private int blockCommentEnd(int i) {
    int depth = 0;
    while (i < length) {
      if (s.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (s.startsWith("*/", i)) {
        i += 2;
        if (--depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return length;
  }

  /** Ends the statement being read at {@code end}; returns its text ("" when there is none). */
  private String add(int end) {
    if (start < 0) {
      return "";
    }
    String sql = s.substring(start, end).strip();
    if (!sql.isEmpty()) {
      statements.add(new Statement(sql, lineAt(start)));
    }
    start = -1;
    return sql;
  }

  /** The line of {@code index}; indexes are asked in increasing order. */
  private int lineAt(int index) {
    for (; lineCountedTo < index; lineCountedTo++) {
      if (s.charAt(lineCountedTo) == '\n') {
        line++;
      }
    }
    return line;
  }

  private int nextLineStart(int i) {
    int newline = s.indexOf('\n', i);
    return newline < 0 ? length : newline + 1;
  }

  private int lineEnd(int i) {
    while (i < length && s.charAt(i) != '\n' && s.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private int digits(int i) {
    while (isDigit(at(i))) {
      i++;
    }
    return i;
  }

  private int identifierEnd(int i) {
    if (!isIdentStart(at(i))) {
      return i;
    }
    while (i < length && isIdentCont(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private char at(int index) {
    return index < length ? s.charAt(index) : '\0';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** As flex reads bytes: every byte of a non-ASCII character is a letter. */
  private static boolean isIdentStart(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
  }

  private static boolean isIdentCont(char c) {
    return isIdentStart(c) || isDigit(c) || c == '$';
  }
}
