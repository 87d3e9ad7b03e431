package com.authservice.migrate.result;

import java.time.Duration;
import java.util.List;

/**
 * What an {@code up}, {@code down}, {@code version} or {@code pending} run did, in the order it did it.
 * {@code outOfOrder} lists older scripts that {@code up} skipped because a newer one is applied
 * (MyBatis skips them too, but only warns); {@code pending} applies them. {@code failed} lists the
 * migrations a {@code --force} run went on past, each rolled back; without {@code --force} it is empty.
 */
public record RunResult(Direction direction, List<Migration> migrations, List<Migration> outOfOrder,
    List<FailedMigration> failed, Duration elapsed) {

  public RunResult {
    migrations = List.copyOf(migrations);
    outOfOrder = List.copyOf(outOfOrder);
    failed = List.copyOf(failed);
  }

  public RunResult(Direction direction, List<Migration> migrations, List<Migration> outOfOrder, Duration elapsed) {
    this(direction, migrations, outOfOrder, List.of(), elapsed);
  }

  public boolean changedNothing() {
    return migrations.isEmpty();
  }
}
