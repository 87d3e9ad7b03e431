package com.authservice.migrate;

import com.authservice.migrate.checksum.Checksum;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.ScriptsModified;
import com.authservice.migrate.lock.MigrationLock;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.mybatis.ScriptWriter;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.run.Changelog;
import com.authservice.migrate.run.Database;
import com.authservice.migrate.run.MigrationRunner;
import com.authservice.migrate.run.RunPlanner;
import com.authservice.migrate.run.ScriptLint;
import com.authservice.migrate.run.StatusReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The migration API: every operation returns a value and prints nothing. Commands that change the
 * database hold the migration lock for their whole run, refuse to run over edited applied scripts,
 * check every script they will run before running the first, and apply each migration with its
 * changelog row in one transaction.
 */
public final class Migrations {

  private final MigrationConfig config;
  private final ScriptFolder scripts;
  private final Database database;
  private final Clock clock;

  public Migrations(MigrationConfig config) {
    this(config, Clock.systemUTC());
  }

  public Migrations(MigrationConfig config, Clock clock) {
    this.config = config;
    this.scripts = config.scripts();
    this.database = new Database(config.connection());
    this.clock = clock;
  }

  public MigrationConfig config() {
    return config;
  }

  /** Every migration from the scripts and the changelog, with its state. Takes no lock. */
  public StatusReport status() {
    List<Migration> migrations = scripts.migrations();
    try (Connection connection = database.open()) {
      return StatusReader.report(scripts, migrations, changelog().read(connection));
    } catch (SQLException e) {
      throw new DatabaseError("closing the connection", e);
    }
  }

  /** Applies pending migrations up to the target ({@link Target#head()} for all). */
  public RunResult up(Target target, RunListener listener) {
    return run(Direction.UP, planner -> planner.up(target), listener);
  }

  /** Undoes applied migrations, newest first, down to the target ({@link Target#steps(int)} or an id or base). */
  public RunResult down(Target target, RunListener listener) {
    return run(Direction.DOWN, planner -> planner.down(target), listener);
  }

  /** Goes up or down until exactly the migration {@code id} (or unique prefix) is the newest applied. */
  public RunResult version(String id, RunListener listener) {
    Target.Id target = new Target.Id(id);
    RunPlanner preview = new RunPlanner(status(), scripts.migrations(), scripts.location());
    return preview.versionGoesUp(id) ? up(target, listener) : down(target, listener);
  }

  /** Applies every unapplied script, those older than the newest applied one included. */
  public RunResult pending(RunListener listener) {
    return run(Direction.UP, RunPlanner::pending, listener);
  }

  /** Writes an empty, correctly named script and returns its path. */
  public Path newMigration(String description) {
    return newMigration(description, "-- Migration SQL that makes the change goes here.\n",
        "-- SQL that undoes the change goes here.\n");
  }

  /** Writes a script with the given up and undo SQL (templates, autogenerate). */
  public Path newMigration(String description, String upSql, String undoSql) {
    return new ScriptWriter(scripts, clock).write(description, upSql, undoSql);
  }

  /**
   * Accepts the current content of applied scripts: records their checksums again (Flyway's repair).
   * Returns the ids whose checksum changed.
   */
  public List<MigrationId> repair() {
    List<Migration> migrations = scripts.migrations();
    try (Connection lockConnection = database.open();
        MigrationLock lock = MigrationLock.acquire(lockConnection, changelog().table(), config.lockTimeout(),
            RunListener.NONE);
        Connection connection = database.open()) {
      Changelog changelog = changelog();
      StatusReport status = StatusReader.report(scripts, migrations, changelog.read(connection));
      List<MigrationId> repaired = new ArrayList<>();
      connection.setAutoCommit(false);
      for (MigrationState state : status.inState(State.MODIFIED)) {
        Migration migration = migrations.stream().filter(m -> m.id().equals(state.id())).findFirst().orElseThrow();
        changelog.updateChecksum(connection, state.id(), Checksum.of(scripts.content(migration)));
        repaired.add(state.id());
      }
      connection.commit();
      return repaired;
    } catch (SQLException e) {
      throw new DatabaseError("recording checksums", e);
    }
  }

  private RunResult run(Direction direction, Function<RunPlanner, List<Migration>> plan, RunListener listener) {
    long started = System.nanoTime();
    List<Migration> migrations = scripts.migrations();
    Changelog changelog = changelog();
    try (Connection lockConnection = database.open();
        MigrationLock lock = MigrationLock.acquire(lockConnection, changelog.table(), config.lockTimeout(), listener);
        Connection connection = database.open()) {
      // Read the state only once the lock is held: another run may just have changed it.
      StatusReport status = StatusReader.report(scripts, migrations, changelog.read(connection));
      refuseChangedScripts(status);
      RunPlanner planner = new RunPlanner(status, migrations, scripts.location());
      List<Migration> chosen = plan.apply(planner);
      chosen.forEach(m -> {
        if (direction == Direction.UP) {
          ScriptLint.checkUp(scripts, m);
        } else {
          ScriptLint.checkDown(scripts, m);
        }
      });
      listener.started(direction, chosen.size());
      MigrationRunner runner = new MigrationRunner(connection, scripts, changelog);
      int done = 0;
      for (Migration migration : chosen) {
        listener.migrationStarting(migration, done, chosen.size());
        if (direction == Direction.UP) {
          runner.apply(migration);
        } else {
          runner.undo(migration);
        }
        listener.migrationFinished(migration, ++done, chosen.size());
      }
      List<Migration> skipped = direction == Direction.UP ? planner.outOfOrder().stream()
          .filter(m -> !chosen.contains(m)).toList() : List.of();
      return new RunResult(direction, chosen, skipped, Duration.ofNanos(System.nanoTime() - started));
    } catch (SQLException e) {
      throw new DatabaseError("closing the connection", e);
    }
  }

  private void refuseChangedScripts(StatusReport status) {
    if (config.ignoreModified()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    status.inState(State.MODIFIED).forEach(m -> problems.add(m.fileName().orElseThrow() + " was modified"));
    status.inState(State.MISSING).forEach(m -> problems.add("no script for applied migration " + m.id()
        + " (" + m.description() + ")"));
    if (!problems.isEmpty()) {
      throw new ScriptsModified(problems);
    }
  }

  private Changelog changelog() {
    return new Changelog(config.connection().schema(), scripts.variable("changelog", "changelog"));
  }
}
