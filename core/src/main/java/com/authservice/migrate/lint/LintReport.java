package com.authservice.migrate.lint;

import java.util.List;

/**
 * What lint found in the scripts it read.
 *
 * @param findings statements that break a rule
 * @param allowed findings accepted knowingly with {@code -- migrate:allow <rule-id>}
 * @param notes statements lint could not check, and allow comments it did not understand
 * @param scripts how many scripts were read
 */
public record LintReport(List<Finding> findings, List<Finding> allowed, List<Note> notes, int scripts) {

  public static final LintReport EMPTY = new LintReport(List.of(), List.of(), List.of(), 0);

  public boolean hasFindings() {
    return !findings.isEmpty();
  }

  /** How many statements lint could not parse, so checked against no rule. */
  public long unchecked() {
    return notes.stream().filter(Note::isUnparsed).count();
  }

  /** Strict lint passes only when every statement was checked and none breaks a rule. */
  public boolean passesStrict() {
    return findings.isEmpty() && unchecked() == 0;
  }
}
