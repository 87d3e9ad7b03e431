package com.authservice.migrate.environment;

import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import java.util.Optional;

/** One column of {@code status --all}: an environment's status, or why it could not be read. */
public record EnvironmentStatus(Environment environment, Optional<StatusReport> report, Optional<String> unreachable) {

  public static EnvironmentStatus of(Environment environment, StatusReport report) {
    return new EnvironmentStatus(environment, Optional.of(report), Optional.empty());
  }

  public static EnvironmentStatus unreachable(Environment environment, String reason) {
    return new EnvironmentStatus(environment, Optional.empty(), Optional.of(reason));
  }

  /** The state of one migration here; empty when unreachable or when this environment has no such migration. */
  public Optional<State> stateOf(MigrationId id) {
    return report.flatMap(r -> r.migrations().stream().filter(m -> m.id().equals(id)).findFirst())
        .map(MigrationState::state);
  }

  public int count(State state) {
    return report.map(r -> r.inState(state).size()).orElse(0);
  }

  public int appliedCount() {
    return report.map(StatusReport::appliedCount).orElse(0);
  }
}
