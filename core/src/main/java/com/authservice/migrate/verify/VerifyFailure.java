package com.authservice.migrate.verify;

import java.util.List;
import java.util.Optional;

/**
 * One thing {@code verify} found wrong: which {@link Check}, the script it is about (when one is), what happened in
 * one line, and the schema difference or findings behind it, one line each.
 */
public record VerifyFailure(Check check, Optional<String> script, String message, List<String> details) {

  public VerifyFailure {
    details = List.copyOf(details);
  }

  public enum Check {
    /** Two scripts with one id, or a name MyBatis cannot read. */
    IDS,
    /** A script older than one the target has applied. */
    OUT_OF_ORDER,
    /** A migration failed to apply (with sample rows in the tables unless --no-data). */
    APPLY,
    /** An undo failed, or left the schema other than it was before the migration. */
    UNDO,
    /** A migration failed to apply again after its undo. */
    REAPPLY,
    /** Strict lint found something not allowed. */
    LINT,
    /** The schema at head differs from the models. */
    MODELS,
    /** The repository's schema.sql is not the schema at head. */
    SCHEMA_FILE;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  static VerifyFailure of(Check check, String script, String message, List<String> details) {
    return new VerifyFailure(check, Optional.ofNullable(script), message, details);
  }
}
