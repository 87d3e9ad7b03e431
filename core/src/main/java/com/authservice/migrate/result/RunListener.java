package com.authservice.migrate.result;

import com.authservice.migrate.lint.LintReport;

/** Lets a caller show progress of a run; core itself never prints. */
public interface RunListener {

  RunListener NONE = new RunListener() {
  };

  /** Another run holds the migration lock; this one waits for it. */
  default void waitingForLock(String holder) {
  }

  /** Lint's findings on the scripts about to run up; nothing has run yet. */
  default void linted(LintReport report) {
  }

  /** A migration could not get its locks in time and was rolled back; it will run again. */
  default void lockTimedOut(LockTimedOut timeout) {
  }

  /** The run is about to apply or undo {@code total} migrations. */
  default void started(Direction direction, int total) {
  }

  /** {@code migration} is about to run; {@code done} of {@code total} have run. */
  default void migrationStarting(Migration migration, int done, int total) {
  }

  default void migrationFinished(Migration migration, int done, int total) {
  }

  /** With {@code --force}: {@code migration} failed and was rolled back; the run goes on. */
  default void migrationFailed(Migration migration, String error) {
  }

  /** No script creates the changelog table, so MyBatis' {@code table} was created before the first migration. */
  default void changelogCreated(String table) {
  }
}
