package com.authservice.migrate.environment;

import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.targets.MemberResult.Outcome;
import com.authservice.migrate.targets.MemberResult;
import java.util.Optional;

/**
 * One environment of {@code up --all} / {@code up --env a,b}: its run's result, or why it failed or was not run.
 */
public record EnvironmentRun(Environment environment, Outcome outcome, Optional<RunResult> result,
    Optional<String> failure) {

  static EnvironmentRun of(Environment environment, MemberResult<RunResult> member) {
    return new EnvironmentRun(environment, member.outcome(), member.value(), member.reason());
  }

  public boolean ran() {
    return result.isPresent();
  }
}
