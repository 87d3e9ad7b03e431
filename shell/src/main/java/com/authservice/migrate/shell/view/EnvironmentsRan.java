package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.Outcome;
import com.authservice.migrate.environment.EnvironmentRun;
import com.authservice.migrate.environment.EnvironmentRuns;
import com.authservice.migrate.result.RunResult;
import java.util.List;
import java.util.Optional;

/**
 * {@code up --all} (or {@code --env a,b}): each environment's run, or why it did not run. Whether that failed the
 * command is core's verdict ({@link EnvironmentRuns#failure()}).
 */
public record EnvironmentsRan(EnvironmentRuns ran) implements Outcome {

  public List<EnvironmentRun> runs() {
    return ran.runs();
  }

  @Override
  public Optional<RuntimeException> failure() {
    return ran.failure().map(RuntimeException.class::cast);
  }

  static String line(EnvironmentRun run) {
    return run.environment().name() + ": " + run.result()
        .map(RunResult::changedNothing).map(nothing -> nothing ? "already up to date"
            : "applied " + run.result().get().migrations().size())
        .orElse("FAILED - " + run.failure().orElse(""));
  }
}
