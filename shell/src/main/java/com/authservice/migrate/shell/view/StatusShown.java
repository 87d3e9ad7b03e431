package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.Outcome;
import com.authservice.migrate.result.StatusReport;
import java.util.Optional;

/** {@code status} of {@code target}; {@code gate} ({@code --fail-on}) fails it after it is shown. */
public record StatusShown(StatusReport status, String target, FailOn gate) implements Outcome {

  @Override
  public Optional<RuntimeException> failure() {
    return gate.failure(status);
  }
}
