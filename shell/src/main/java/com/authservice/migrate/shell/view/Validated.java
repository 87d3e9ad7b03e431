package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.Outcome;
import com.authservice.migrate.result.ValidationReport;
import com.authservice.migrate.shell.cli.GateFailed;
import java.util.Optional;

/** {@code validate} of {@code target}: a problem fails the gate after the report is shown. */
public record Validated(ValidationReport report, String target) implements Outcome {

  @Override
  public Optional<RuntimeException> failure() {
    return report.isValid() ? Optional.empty()
        : Optional.of(new GateFailed("validate found " + report.problems().size() + " problem(s)"));
  }
}
