package com.authservice.migrate.run;

import com.authservice.migrate.lint.LintReport;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.LockTimedOut;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.RunListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Passes every one of a run's events on to the caller's listener (each method of {@link RunListener}: a default
 * left unforwarded silently drops that event) and notes how long each migration took, for the run's
 * result.
 */
public final class MigrationTimer implements RunListener {

  private final RunListener listener;
  private final Map<MigrationId, Duration> durations = new HashMap<>();
  private long started;

  public MigrationTimer(RunListener listener) {
    this.listener = listener;
  }

  public Map<MigrationId, Duration> durations() {
    return Map.copyOf(durations);
  }

  @Override
  public void waitingForLock(String holder) {
    listener.waitingForLock(holder);
  }

  @Override
  public void linted(LintReport report) {
    listener.linted(report);
  }

  @Override
  public void lockTimedOut(LockTimedOut timeout) {
    listener.lockTimedOut(timeout);
  }

  @Override
  public void started(Direction direction, int total) {
    listener.started(direction, total);
  }

  @Override
  public void migrationStarting(Migration migration, int done, int total) {
    listener.migrationStarting(migration, done, total);
    started = System.nanoTime();
  }

  @Override
  public void migrationFinished(Migration migration, int done, int total) {
    durations.put(migration.id(), Duration.ofNanos(System.nanoTime() - started));
    listener.migrationFinished(migration, done, total);
  }

  @Override
  public void migrationFailed(Migration migration, String error) {
    listener.migrationFailed(migration, error);
  }

  @Override
  public void changelogCreated(String table) {
    listener.changelogCreated(table);
  }
}
