package com.authservice.migrate.run;

import com.authservice.migrate.errors.RunCancelled;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.hook.Hooks;
import com.authservice.migrate.tablelock.LockRetry;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.FailedMigration;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the migrations a command chose, in order, each in its own transaction. The first failure stops the
 * run; with {@code force} (MyBatis' {@code --force}) a migration whose SQL fails is rolled back alone and
 * the run goes on, as MyBatis' does. A later migration that needed the failed one fails the same way and is
 * rolled back too; one that did not is applied, and the failed one then shows as out of order in status,
 * for {@code pending} to apply once it is fixed.
 */
public final class MigrationSequence {

  private final Connection connection;
  private final ScriptFolder scripts;
  private final Changelog changelog;
  private final boolean force;
  private final LockRetry retry;
  private final RunListener listener;
  private final Cancellation cancellation;
  private final Hooks hooks;

  /** @param retry runs each migration under the run's time-outs; its owner closes it once the sequence is done */
  public MigrationSequence(Connection connection, ScriptFolder scripts, Changelog changelog, boolean force,
      LockRetry retry, RunListener listener, Cancellation cancellation) {
    this(connection, scripts, changelog, force, retry, listener, cancellation, Hooks.NONE);
  }

  private MigrationSequence(Connection connection, ScriptFolder scripts, Changelog changelog, boolean force,
      LockRetry retry, RunListener listener, Cancellation cancellation, Hooks hooks) {
    this.hooks = hooks;
    this.retry = retry;
    this.cancellation = cancellation;
    this.connection = connection;
    this.scripts = scripts;
    this.changelog = changelog;
    this.force = force;
    this.listener = listener;
  }

  /** Runs MyBatis' {@code hooks} of the run's direction around the run and each migration. */
  public MigrationSequence withHooks(Hooks runHooks) {
    return new MigrationSequence(connection, scripts, changelog, force, retry, listener, cancellation, runHooks);
  }

  /** Runs {@code chosen} ({@code all}: every script of the repository) and returns those that failed. */
  public List<FailedMigration> run(Direction direction, List<Migration> chosen, List<Migration> all) {
    if (direction == Direction.UP && !chosen.isEmpty()) {
      MissingChangelog.prepare(connection, changelog, scripts, all, chosen.get(0), listener);
    }
    MigrationRunner runner = new MigrationRunner(connection, scripts, changelog, cancellation, hooks);
    if (!chosen.isEmpty()) {
      hooks.before(connection);
    }
    List<FailedMigration> failed = new ArrayList<>();
    int done = 0;
    try {
      for (Migration migration : chosen) {
        if (cancellation.requested()) {
          throw RunCancelled.before(migration.fileName(), null).afterFinishing(done);
        }
        listener.migrationStarting(migration, done, chosen.size());
        try {
          retry.run(migration, timeouts -> {
            if (direction == Direction.UP) {
              runner.apply(migration, timeouts);
            } else {
              runner.undo(migration, timeouts);
            }
          });
        } catch (RunCancelled e) {
          throw e.afterFinishing(done);
        } catch (ScriptFailed e) {
          // --force goes on past a failing script, never past a lost connection: every later one would fail too.
          if (!force || LostConnection.isLost(connection, e)) {
            throw e;
          }
          failed.add(new FailedMigration(migration, e.getMessage()));
          listener.migrationFailed(migration, e.getMessage());
        }
        listener.migrationFinished(migration, ++done, chosen.size());
      }
      if (!chosen.isEmpty()) {
        hooks.after(connection);
      }
    } catch (RuntimeException e) {
      // A cancel that arrived between statements of the run's own bookkeeping (lock_timeout settings).
      if (e instanceof RunCancelled || !cancellation.requested()) {
        throw e;
      }
      throw RunCancelled.betweenMigrations(e).afterFinishing(done);
    }
    return failed;
  }
}
