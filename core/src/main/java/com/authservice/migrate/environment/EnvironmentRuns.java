package com.authservice.migrate.environment;

import com.authservice.migrate.errors.EnvironmentFailed;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.errors.MigrationsFailed;
import com.authservice.migrate.targets.MemberResult.Outcome;
import com.authservice.migrate.result.RunResult;
import java.util.List;
import java.util.Optional;

/** {@code up} across environments: each environment's run, in the order they ran. */
public record EnvironmentRuns(List<EnvironmentRun> runs) {

  public EnvironmentRuns {
    runs = List.copyOf(runs);
  }

  /**
   * What fails the command once its result is shown: a migration that failed under {@code --force}, as in a
   * single run, else the environment that failed or could not be reached (those not run after it are not the
   * cause).
   */
  public Optional<MigrationException> failure() {
    for (EnvironmentRun run : runs) {
      Optional<RunResult> forced = run.result().filter(result -> !result.failed().isEmpty());
      if (forced.isPresent()) {
        return Optional.of(new MigrationsFailed(forced.get().failed().stream().map(f -> f.migration().fileName())
            .toList()));
      }
    }
    return runs.stream().filter(run -> run.outcome() == Outcome.FAILED || run.outcome() == Outcome.UNREACHABLE)
        .findFirst().map(run -> new EnvironmentFailed(run.environment().name(), run.failure().orElse("")));
  }
}
