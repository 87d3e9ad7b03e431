package com.authservice.migrate.result;

import java.util.List;
import java.util.Optional;

/** Every migration known from the scripts or the changelog, ordered by id. */
public record StatusReport(List<MigrationState> migrations) {

  public StatusReport {
    migrations = List.copyOf(migrations);
  }

  /** The applied migration with the highest id, which is what MyBatis and Alembic call current. */
  public Optional<MigrationState> current() {
    return migrations.stream().filter(m -> m.state().isApplied()).reduce((first, second) -> second);
  }

  public List<MigrationState> inState(State state) {
    return migrations.stream().filter(m -> m.state() == state).toList();
  }

  public int appliedCount() {
    return (int) migrations.stream().filter(m -> m.state().isApplied()).count();
  }

  public boolean isUpToDate() {
    return inState(State.PENDING).isEmpty() && inState(State.OUT_OF_ORDER).isEmpty();
  }
}
