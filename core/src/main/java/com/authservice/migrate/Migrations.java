package com.authservice.migrate;

import com.authservice.migrate.autogenerate.Autogeneration;
import com.authservice.migrate.autogenerate.Autogenerator;
import com.authservice.migrate.autogenerate.GeneratedScript;
import com.authservice.migrate.bootstrap.Bootstrapper;
import com.authservice.migrate.checksum.Checksum;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.NotUpToDate;
import com.authservice.migrate.errors.ScriptsModified;
import com.authservice.migrate.info.VersionInfo;
import com.authservice.migrate.info.VersionReader;
import com.authservice.migrate.lock.MigrationLock;
import com.authservice.migrate.mybatis.IdPattern;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.mybatis.ScriptWriter;
import com.authservice.migrate.offline.OfflineScript;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.FailedMigration;
import com.authservice.migrate.result.MigrationDetail;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.result.StampResult;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.run.Changelog;
import com.authservice.migrate.run.Database;
import com.authservice.migrate.run.HistoryRange;
import com.authservice.migrate.run.IdResolver;
import com.authservice.migrate.run.MigrationSequence;
import com.authservice.migrate.run.RunPlanner;
import com.authservice.migrate.run.ScriptLint;
import com.authservice.migrate.run.StatusReader;
import com.authservice.migrate.stamp.Stamper;
import com.authservice.migrate.template.ScriptTemplate;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  /**
   * MyBatis' {@code redo}: undoes the newest {@code steps} migrations, then applies them again, through
   * {@link #down} and {@link #up} (so with their checks). Returns both runs.
   */
  public List<RunResult> redo(int steps, RunListener listener) {
    RunResult undone = down(Target.steps(steps), listener);
    if (undone.changedNothing()) {
      return List.of(undone);
    }
    return List.of(undone, up(new Target.Id(undone.migrations().get(0).id().toString()), listener));
  }

  /** MyBatis' {@code bootstrap}: runs {@code scripts/bootstrap.sql}, under the lock; returns its statement count. */
  public int bootstrap(RunListener listener) {
    return underLock(listener, (connection, changelog, migrations, status) ->
        new Bootstrapper(connection, scripts, changelog, config.force()).run());
  }

  /** The versions of MyBatis Migrations, the driver and the server (MyBatis' {@code info}). Takes no lock. */
  public VersionInfo info() {
    return VersionReader.read(database);
  }

  /** Writes an empty, correctly named script and returns its path. */
  public Path newMigration(String description) {
    return newMigration(description, "-- Migration SQL that makes the change goes here.\n",
        "-- SQL that undoes the change goes here.\n");
  }

  /** Writes a script with the given up and undo SQL (templates, autogenerate). */
  public Path newMigration(String description, String upSql, String undoSql) {
    return new ScriptWriter(scripts, clock, IdPattern.chosen(config.idPattern(), scripts))
        .write(description, upSql, undoSql);
  }

  /**
   * Accepts the current content of applied scripts: records their checksums again (Flyway's repair).
   * Returns the ids whose checksum changed.
   */
  public List<MigrationId> repair() {
    return underLock(RunListener.NONE, (connection, changelog, migrations, status) -> {
      List<MigrationId> repaired = new ArrayList<>();
      connection.setAutoCommit(false);
      for (MigrationState state : status.inState(State.MODIFIED)) {
        Migration migration = migrations.stream().filter(m -> m.id().equals(state.id())).findFirst().orElseThrow();
        changelog.updateChecksum(connection, state.id(), Checksum.of(scripts.content(migration)));
        repaired.add(state.id());
      }
      connection.commit();
      return repaired;
    });
  }

  /** The newest applied migration and what is waiting (Alembic's {@code current}). */
  public StatusReport current() {
    return status();
  }

  /**
   * Every migration, newest first, applied or not, limited to {@code range} ({@code FROM:TO}, each side
   * an id prefix, {@code base}, {@code head} or empty; both ends included).
   */
  public List<MigrationDetail> history(String range) {
    StatusReport status = status();
    HistoryRange bounds = HistoryRange.parse(range, status, scripts.location());
    List<MigrationDetail> details = new ArrayList<>();
    for (MigrationState state : status.migrations()) {
      if (bounds.contains(state.id())) {
        details.add(0, detail(state));
      }
    }
    return details;
  }

  /** One migration's up and undo SQL and its state. */
  public MigrationDetail show(String id) {
    StatusReport status = status();
    return detail(IdResolver.resolve(id, status.migrations(), scripts.location()));
  }

  /**
   * Marks the database as being at {@code target} ({@code head}, {@code base}, an id, or {@code auto} to find
   * the migration whose schema matches the database) without running migrations. A database that Alembic
   * managed is recognised by its {@code alembic_version} table, which stays unless {@code dropAlembicTable}.
   */
  public StampResult stamp(String target, boolean dropAlembicTable) {
    return underLock(RunListener.NONE, (connection, changelog, migrations, status) -> {
      Stamper stamper = new Stamper(connection, scripts, changelog, config.connection().schema());
      Optional<String> alembic = stamper.alembicRevision();
      Optional<Migration> at;
      if (target == null || target.isBlank() || target.equalsIgnoreCase("auto")) {
        at = stamper.matchingMigration(migrations);
      } else {
        Target parsed = Target.parse(target);
        if (parsed instanceof Target.Base) {
          at = Optional.empty();
        } else if (parsed instanceof Target.Head) {
          at = migrations.isEmpty() ? Optional.empty() : Optional.of(migrations.get(migrations.size() - 1));
        } else if (parsed instanceof Target.Id id) {
          MigrationState state = IdResolver.resolve(id.prefix(), status.migrations(), scripts.location());
          at = migrations.stream().filter(m -> m.id().equals(state.id())).findFirst();
        } else {
          throw new InvalidArgument("stamp takes head, base, auto or a migration id, not " + target);
        }
      }
      return stamper.stamp(migrations, status, at, alembic, dropAlembicTable);
    });
  }

  /**
   * The SQL that going from {@code from} to {@code to} would run ({@code base}, {@code head} or ids),
   * changelog statements included, built without connecting to any database.
   */
  public String script(String from, String to) {
    List<Migration> migrations = scripts.migrations();
    int start = position(from, migrations);
    int end = position(to, migrations);
    OfflineScript offline = new OfflineScript(scripts, changelog().table());
    if (start <= end) {
      return offline.render(Direction.UP, migrations.subList(start, end));
    }
    List<Migration> undo = new ArrayList<>(migrations.subList(end, start));
    Collections.reverse(undo);
    return offline.render(Direction.DOWN, undo);
  }

  /**
   * The differences between {@code models} and the database (Alembic's {@code check}). Refuses, as Alembic
   * does, when the database is not at the newest migration: the comparison would describe old state.
   */
  public Autogeneration check(List<Class<?>> models) {
    StatusReport status = status();
    if (!status.isUpToDate()) {
      throw new NotUpToDate(status.inState(State.PENDING).size() + status.inState(State.OUT_OF_ORDER).size());
    }
    try (Connection connection = database.open()) {
      String changelogName = changelog().table().substring(config.connection().schema().length() + 1);
      return new Autogenerator(connection, config.connection().schema(), Set.of(changelogName, "alembic_version"))
          .generate(models);
    } catch (SQLException e) {
      throw new DatabaseError("closing the connection", e);
    }
  }

  /** Writes the migration that brings the database to {@code models}; no file when nothing differs. */
  public GeneratedScript autogenerate(String description, List<Class<?>> models) {
    Autogeneration found = check(models);
    if (found.isEmpty()) {
      return new GeneratedScript(found, Optional.empty());
    }
    String header = "-- Generated from the models by autogenerate. Review it before applying:\n"
        + "-- renames show as drop + add, and data migrations are never generated.\n";
    return new GeneratedScript(found, Optional.of(newMigration(description, header + found.upSql(), found.undoSql())));
  }

  /** Writes a script from a template ({@code empty}, {@code create-table}, {@code add-column}). */
  public Path newMigration(String description, ScriptTemplate template) {
    return newMigration(description, template.upSql(), template.undoSql());
  }

  /** How many migrations are applied when the database is at {@code point}. */
  private int position(String point, List<Migration> migrations) {
    Target target = Target.parse(point);
    if (target instanceof Target.Base) {
      return 0;
    }
    if (target instanceof Target.Head) {
      return migrations.size();
    }
    if (target instanceof Target.Id id) {
      List<MigrationState> known = StatusReader.report(scripts, migrations, List.of()).migrations();
      MigrationId wanted = IdResolver.resolve(id.prefix(), known, scripts.location()).id();
      return (int) migrations.stream().filter(m -> m.id().compareTo(wanted) <= 0).count();
    }
    throw new InvalidArgument("script takes base, head or migration ids, not " + point);
  }

  private MigrationDetail detail(MigrationState state) {
    if (state.fileName().isEmpty()) {
      return new MigrationDetail(state, "", "");
    }
    Migration migration = new Migration(state.id(), state.description(), state.fileName().get());
    return new MigrationDetail(state, scripts.upSql(migration), scripts.undoSql(migration));
  }

  /** Runs {@code work} holding the migration lock, with the state read after the lock was taken. */
  private <T> T underLock(RunListener listener, LockedWork<T> work) {
    List<Migration> migrations = scripts.migrations();
    Changelog changelog = changelog();
    try (Connection lockConnection = database.open();
        MigrationLock lock = MigrationLock.acquire(lockConnection, changelog.table(), config.lockTimeout(), listener);
        Connection connection = database.open()) {
      // Read the state only once the lock is held: another run may just have changed it.
      StatusReport status = StatusReader.report(scripts, migrations, changelog.read(connection));
      return work.run(connection, changelog, migrations, status);
    } catch (SQLException e) {
      throw new DatabaseError("talking to " + config.connection().target(), e);
    }
  }

  @FunctionalInterface
  private interface LockedWork<T> {
    T run(Connection connection, Changelog changelog, List<Migration> migrations, StatusReport status)
        throws SQLException;
  }

  private RunResult run(Direction direction, Function<RunPlanner, List<Migration>> plan, RunListener listener) {
    long started = System.nanoTime();
    return underLock(listener, (connection, changelog, migrations, status) -> {
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
      List<FailedMigration> failed = new MigrationSequence(connection, scripts, changelog, config.force(), listener)
          .run(direction, chosen, migrations);
      List<Migration> skipped = direction == Direction.UP ? planner.outOfOrder().stream()
          .filter(m -> !chosen.contains(m)).toList() : List.of();
      List<Migration> ran = chosen.stream()
          .filter(m -> failed.stream().noneMatch(f -> f.migration().equals(m))).toList();
      return new RunResult(direction, ran, skipped, failed, Duration.ofNanos(System.nanoTime() - started));
    });
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
