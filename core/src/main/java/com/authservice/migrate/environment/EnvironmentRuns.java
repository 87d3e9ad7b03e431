package com.authservice.migrate.environment;

import com.authservice.migrate.errors.EnvironmentFailed;
import com.authservice.migrate.errors.MigrationsFailed;
import com.authservice.migrate.targets.MemberResult.Outcome;
import java.util.List;

/** {@code up} across environments: each environment's run, in the order they ran. */
public record EnvironmentRuns(List<EnvironmentRun> runs) {

  public EnvironmentRuns {
    runs = List.copyOf(runs);
  }

  /**
   * Fails the command once its result is shown: a migration that failed under {@code --force} fails it as in a
   * single run, else the environment that failed or could not be reached (those not run after it are not the
   * cause).
   */
  public void failIfAnyFailed() {
    for (EnvironmentRun run : runs) {
      run.result().filter(result -> !result.failed().isEmpty()).ifPresent(result -> {
        throw new MigrationsFailed(result.failed().stream().map(f -> f.migration().fileName()).toList());
      });
    }
    runs.stream().filter(run -> run.outcome() == Outcome.FAILED || run.outcome() == Outcome.UNREACHABLE)
        .findFirst().ifPresent(run -> {
          throw new EnvironmentFailed(run.environment().name(), run.failure().orElse(""));
        });
  }
}
