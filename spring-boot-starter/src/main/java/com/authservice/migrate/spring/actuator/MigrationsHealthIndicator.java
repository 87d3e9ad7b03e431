package com.authservice.migrate.spring.actuator;

import com.authservice.migrate.Migrations;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * DOWN when the database is behind its scripts (pending migrations), when an applied script was edited or
 * deleted, or when the status cannot be read (the database is unreachable, the changelog unreadable); UP at head.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

  /** States that mean the database is not what the scripts describe; out-of-order ones are applied by pending. */
  private static final List<State> UNHEALTHY = List.of(State.PENDING, State.OUT_OF_ORDER, State.MODIFIED,
      State.MISSING);

  private final Migrations migrations;

  public MigrationsHealthIndicator(Migrations migrations) {
    super("auth-migrate status could not be read");
    this.migrations = migrations;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    StatusReport status;
    try {
      status = migrations.status();
    } catch (MigrationException e) {
      // Core's one-line message names the cause and the fix; a stack trace in the log every poll would not.
      builder.down().withDetail("error", e.getMessage());
      return;
    }
    boolean healthy = UNHEALTHY.stream().allMatch(state -> status.inState(state).isEmpty());
    (healthy ? builder.up() : builder.down())
        .withDetail("current", status.current().map(state -> state.id().toString()).orElse("none"));
    for (State state : UNHEALTHY) {
      if (!status.inState(state).isEmpty()) {
        builder.withDetail(state.label(), status.inState(state).stream().map(m -> m.id().toString()).toList());
      }
    }
  }
}
