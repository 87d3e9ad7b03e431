package com.authservice.migrate.shell.view;

import com.authservice.migrate.environment.EnvironmentRun;
import com.authservice.migrate.errors.EnvironmentFailed;
import com.authservice.migrate.result.RunResult;
import java.util.List;
import java.util.Optional;

/**
 * {@code up --all} (or {@code --env a,b}): each environment's run, or why it did not run. It fails when a run went
 * on past failing migrations, or when an environment failed (those after it were not run).
 */
public record EnvironmentsRan(List<EnvironmentRun> runs) implements Outcome {

  @Override
  public Optional<RuntimeException> failure() {
    Optional<RuntimeException> forced = RunShown.firstFailure(runs.stream().flatMap(run -> run.result().stream())
        .toList());
    if (forced.isPresent()) {
      return forced;
    }
    return runs.stream().filter(run -> run.failure().isPresent() && !run.ran()).findFirst()
        .filter(run -> !run.failure().get().startsWith("not run"))
        .map(run -> new EnvironmentFailed(run.environment().name(), run.failure().get()));
  }

  static String line(EnvironmentRun run) {
    return run.environment().name() + ": " + run.result()
        .map(RunResult::changedNothing).map(nothing -> nothing ? "already up to date"
            : "applied " + run.result().get().migrations().size())
        .orElse("FAILED - " + run.failure().orElse(""));
  }
}
