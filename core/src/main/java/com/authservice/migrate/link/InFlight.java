package com.authservice.migrate.link;

import com.authservice.migrate.lint.LintReport;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.LockTimedOut;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import java.util.Optional;

/** Passes every event on, and remembers the migration that started and has not finished: the one a lost link hits. */
public final class InFlight implements RunListener {

  private final RunListener next;
  private volatile Direction direction = Direction.UP;
  private volatile Migration running;

  private InFlight(RunListener next) {
    this.next = next;
  }

  public static InFlight of(RunListener listener) {
    return listener instanceof InFlight already ? already : new InFlight(listener);
  }

  public Optional<Migration> migration() {
    return Optional.ofNullable(running);
  }

  public Direction direction() {
    return direction;
  }

  @Override
  public void waitingForLock(String holder) {
    next.waitingForLock(holder);
  }

  @Override
  public void linted(LintReport report) {
    next.linted(report);
  }

  @Override
  public void lockTimedOut(LockTimedOut timeout) {
    next.lockTimedOut(timeout);
  }

  @Override
  public void started(Direction started, int total) {
    direction = started;
    next.started(started, total);
  }

  @Override
  public void migrationStarting(Migration migration, int done, int total) {
    running = migration;
    next.migrationStarting(migration, done, total);
  }

  @Override
  public void migrationFinished(Migration migration, int done, int total) {
    running = null;
    next.migrationFinished(migration, done, total);
  }

  @Override
  public void migrationFailed(Migration migration, String error) {
    next.migrationFailed(migration, error);
  }

  @Override
  public void changelogCreated(String table) {
    next.changelogCreated(table);
  }
}
