package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.Outcome;
import com.authservice.migrate.errors.LintRefused;
import com.authservice.migrate.lint.LintReport;
import java.util.Optional;

/** {@code lint} of the scripts for {@code target}; {@code strict} makes a finding fail it after the report. */
public record Linted(LintReport report, String target, boolean strict) implements Outcome {

  @Override
  public Optional<RuntimeException> failure() {
    return strict && !report.passesStrict() ? Optional.of(new LintRefused(report.findings().size(), report.unchecked()))
        : Optional.empty();
  }
}
