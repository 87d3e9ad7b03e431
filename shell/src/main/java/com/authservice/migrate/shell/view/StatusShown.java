package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.Outcome;
import com.authservice.migrate.repeatable.RepeatableState;
import com.authservice.migrate.result.StatusReport;
import java.util.List;
import java.util.Optional;

/**
 * {@code status} of {@code target}, with its repeatable scripts; {@code gate} ({@code --fail-on}) fails it after it
 * is shown.
 */
public record StatusShown(StatusReport status, String target, FailOn gate, List<RepeatableState> repeatables)
    implements Outcome {

  public StatusShown(StatusReport status, String target, FailOn gate) {
    this(status, target, gate, List.of());
  }

  @Override
  public Optional<RuntimeException> failure() {
    return gate.failure(status);
  }
}
