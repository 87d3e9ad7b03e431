package com.authservice.migrate.errors;

/** Strict lint found statements that would stall or rewrite a live table; nothing was run (exit code 1). */
public final class LintRefused extends MigrationException {
  public LintRefused(int findings) {
    super("lint found " + findings + " problem(s) in the scripts to run, and lint is strict: nothing was run. "
        + "Write them the safe way, or accept each knowingly with -- migrate:allow <rule-id>");
  }
}
