package com.authservice.migrate.environment;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code up --env a,b}: one environment after the other in the given order, each under its own lock,
 * stopping at the first failure. Environments after a failure are reported as not run.
 */
public record EnvironmentRun(Environment environment, Optional<RunResult> result, Optional<String> failure) {

  public boolean ran() {
    return result.isPresent();
  }

  public static List<EnvironmentRun> up(List<Environment> environments, Function<Environment, MigrationConfig> config,
      Target target, Function<Environment, RunListener> listener) {
    List<EnvironmentRun> runs = new ArrayList<>();
    boolean failed = false;
    for (Environment environment : environments) {
      if (failed) {
        runs.add(new EnvironmentRun(environment, Optional.empty(), Optional.of("not run: an earlier environment failed")));
        continue;
      }
      try {
        RunResult result = new Migrations(config.apply(environment)).up(target, listener.apply(environment));
        runs.add(new EnvironmentRun(environment, Optional.of(result), Optional.empty()));
        failed = !result.failed().isEmpty(); // --force went on inside this environment, not past it
      } catch (MigrationException e) {
        runs.add(new EnvironmentRun(environment, Optional.empty(), Optional.of(e.getMessage())));
        failed = true;
      }
    }
    return runs;
  }
}
