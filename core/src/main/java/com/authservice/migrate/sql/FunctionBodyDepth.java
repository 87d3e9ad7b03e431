package com.authservice.migrate.sql;

import java.util.Arrays;
import java.util.Locale;

/**
 * psql's heuristic for SQL-standard function bodies ({@code BEGIN ATOMIC ... END}, PostgreSQL 14+): in a
 * statement that starts {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE}, each {@code BEGIN} (and each
 * {@code CASE} inside one) outside parentheses opens a level that {@code END} closes, and a semicolon ends
 * the statement only at level 0. The same bookkeeping as {@code identifier_count}, {@code identifiers} and
 * {@code begin_depth} in psql's {@code psqlscan.l}, quirks included, so both split a script alike.
 */
final class FunctionBodyDepth {

  private int identifierCount;
  /** The first letters of the statement's first four identifiers, where they are one of psql's five words. */
  private final char[] leading = new char[4];
  private int depth;

  /** An unquoted identifier or keyword of the statement, seen at {@code parenDepth}. */
  void identifier(String word, int parenDepth) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (identifierCount < leading.length) {
      boolean tracked = switch (lower) {
        case "create", "function", "procedure", "or", "replace" -> true;
        default -> false;
      };
      leading[identifierCount] = tracked ? lower.charAt(0) : '\0';
    }
    identifierCount++;
    if (parenDepth == 0 && createsRoutine()) {
      switch (lower) {
        case "begin" -> depth++;
        case "case" -> depth += depth >= 1 ? 1 : 0;
        case "end" -> depth -= depth > 0 ? 1 : 0;
        default -> {
        }
      }
    }
  }

  private boolean createsRoutine() {
    return leading[0] == 'c' && (leading[1] == 'f' || leading[1] == 'p'
        || leading[1] == 'o' && leading[2] == 'r' && (leading[3] == 'f' || leading[3] == 'p'));
  }

  /** Whether a semicolon here is inside a body and so does not end the statement. */
  boolean insideBody() {
    return depth > 0;
  }

  /** A statement ended: the next identifier is the first of a new one. */
  void nextStatement() {
    identifierCount = 0;
    Arrays.fill(leading, '\0');
  }
}
