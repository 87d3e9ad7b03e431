package com.authservice.migrate.result;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@code up}, {@code down}, {@code version} or {@code pending} run did, in the order it did it.
 * {@code outOfOrder} lists older scripts that {@code up} skipped because a newer one is applied
 * (MyBatis skips them too, but only warns); {@code pending} applies them. {@code failed} lists the
 * migrations a {@code --force} run went on past, each rolled back; without {@code --force} it is empty.
 * {@code durations} says how long each migration that ran (or failed) took. {@code repeatables} names the
 * repeatable scripts ({@code repeatable/R__*.sql}) applied after the migrations, in order.
 */
public record RunResult(Direction direction, List<Migration> migrations, List<Migration> outOfOrder,
    List<FailedMigration> failed, Duration elapsed, Map<MigrationId, Duration> durations, List<String> repeatables) {

  public RunResult {
    migrations = List.copyOf(migrations);
    outOfOrder = List.copyOf(outOfOrder);
    failed = List.copyOf(failed);
    durations = Map.copyOf(durations);
    repeatables = List.copyOf(repeatables);
  }

  public RunResult(Direction direction, List<Migration> migrations, List<Migration> outOfOrder,
      List<FailedMigration> failed, Duration elapsed, Map<MigrationId, Duration> durations) {
    this(direction, migrations, outOfOrder, failed, elapsed, durations, List.of());
  }

  public RunResult(Direction direction, List<Migration> migrations, List<Migration> outOfOrder,
      List<FailedMigration> failed, Duration elapsed) {
    this(direction, migrations, outOfOrder, failed, elapsed, Map.of());
  }

  public RunResult(Direction direction, List<Migration> migrations, List<Migration> outOfOrder, Duration elapsed) {
    this(direction, migrations, outOfOrder, List.of(), elapsed);
  }

  public Optional<Duration> durationOf(Migration migration) {
    return Optional.ofNullable(durations.get(migration.id()));
  }

  public boolean changedNothing() {
    return migrations.isEmpty() && repeatables.isEmpty();
  }
}
