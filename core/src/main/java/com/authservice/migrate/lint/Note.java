package com.authservice.migrate.lint;

/**
 * Something lint could not judge, said as such rather than guessed: a statement the parser cannot read
 * ("could not parse: not checked"), or a {@code migrate:allow} naming no rule.
 */
public record Note(String fileName, int line, String text) {

  private static final String UNPARSED = "could not parse: not checked (";

  /** A statement the parser cannot read; {@code start} is its first words. */
  static Note unparsed(String fileName, int line, String start) {
    return new Note(fileName, line, UNPARSED + start + ")");
  }

  /** A statement lint could not check at all: strict lint counts it as a finding, since it may break any rule. */
  public boolean isUnparsed() {
    return text.startsWith(UNPARSED);
  }
}
