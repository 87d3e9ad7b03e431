package com.authservice.migrate.result;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code validate}: whether the scripts and the changelog agree, read without changing anything.
 * {@code scripts} is how many well-named scripts were read; each disagreement is one {@link Problem}.
 */
public record ValidationReport(int scripts, List<Problem> problems) {

  public ValidationReport {
    problems = List.copyOf(problems);
  }

  /** What kind of disagreement: an applied script edited, an applied migration without its script, a bad script. */
  public enum Kind {
    MODIFIED, MISSING, MALFORMED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code id} is empty for a file whose name gives none; {@code fileName} for a migration with no script. */
  public record Problem(Kind kind, Optional<MigrationId> id, Optional<String> fileName, String message) {
  }

  public boolean isValid() {
    return problems.isEmpty();
  }
}
