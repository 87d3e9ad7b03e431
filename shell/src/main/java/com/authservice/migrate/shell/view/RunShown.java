package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.Outcome;
import com.authservice.migrate.errors.MigrationsFailed;
import com.authservice.migrate.result.RunResult;
import java.util.List;
import java.util.Optional;

/** What {@code up}, {@code down}, {@code version} or {@code pending} did on {@code target}. */
public record RunShown(RunResult run, String target) implements Outcome {

  /** A {@code --force} run that went on past failures still failed. */
  @Override
  public Optional<RuntimeException> failure() {
    return firstFailure(List.of(run));
  }

  /** The first run that went on past failing migrations ({@code --force}), as the failure of the command. */
  public static Optional<RuntimeException> firstFailure(List<RunResult> runs) {
    return runs.stream().filter(run -> !run.failed().isEmpty()).findFirst()
        .map(run -> new MigrationsFailed(run.failed().stream().map(f -> f.migration().fileName()).toList()));
  }
}
