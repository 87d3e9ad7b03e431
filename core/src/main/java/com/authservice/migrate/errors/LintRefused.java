package com.authservice.migrate.errors;

/** Strict lint found statements that would stall or rewrite a live table; nothing was run (exit code 1). */
public final class LintRefused extends MigrationException {
  public LintRefused(int findings, long unchecked) {
    super("lint found " + findings + " problem(s)" + (unchecked == 0 ? ""
        : " and could not parse " + unchecked + " statement(s)") + " in the scripts to run, and lint is strict: "
        + "nothing was run. Write them the safe way, or accept each knowingly with -- migrate:allow <rule-id>"
        + (unchecked == 0 ? "" : "; a statement lint cannot parse is checked by no rule, so strict lint refuses it"));
  }
}
