package com.authservice.migrate;

import com.authservice.migrate.autogenerate.Autogeneration;
import com.authservice.migrate.autogenerate.Autogenerator;
import com.authservice.migrate.autogenerate.ExcludedTables;
import com.authservice.migrate.autogenerate.GeneratedScript;
import com.authservice.migrate.bootstrap.Bootstrapper;
import com.authservice.migrate.checksum.Checksum;
import com.authservice.migrate.drift.DriftCheck;
import com.authservice.migrate.drift.DriftReport;
import com.authservice.migrate.drift.ScratchBuild;
import com.authservice.migrate.errors.AuthenticationFailed;
import com.authservice.migrate.errors.CannotConnect;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.LintRefused;
import com.authservice.migrate.errors.NotUpToDate;
import com.authservice.migrate.errors.RunCancelled;
import com.authservice.migrate.errors.ScriptsModified;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.errors.UnknownDatabase;
import com.authservice.migrate.guard.ChangeGuard;
import com.authservice.migrate.hook.Hooks;
import com.authservice.migrate.info.VersionInfo;
import com.authservice.migrate.info.VersionReader;
import com.authservice.migrate.javamigration.JavaMigrations;
import com.authservice.migrate.javamigration.JavaSkeleton;
import com.authservice.migrate.javamigration.JavaStub;
import com.authservice.migrate.link.InFlight;
import com.authservice.migrate.lint.Catalog;
import com.authservice.migrate.lint.LintReport;
import com.authservice.migrate.lint.Linter;
import com.authservice.migrate.lint.ParsedScript;
import com.authservice.migrate.sql.RoundTrip;
import com.authservice.migrate.lock.MigrationLock;
import com.authservice.migrate.mybatis.IdPattern;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.mybatis.ScriptWriter;
import com.authservice.migrate.offline.OfflineScript;
import com.authservice.migrate.repeatable.RepeatableScript;
import com.authservice.migrate.repeatable.RepeatableState;
import com.authservice.migrate.repeatable.Repeatables;
import com.authservice.migrate.result.AppliedMigration;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.FailedMigration;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationDetail;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.RepairResult;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.result.StampResult;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.result.ValidationReport;
import com.authservice.migrate.run.Cancellation;
import com.authservice.migrate.run.Changelog;
import com.authservice.migrate.run.Database;
import com.authservice.migrate.run.HistoryRange;
import com.authservice.migrate.run.IdResolver;
import com.authservice.migrate.run.LostConnection;
import com.authservice.migrate.run.MigrationSequence;
import com.authservice.migrate.run.MigrationTimer;
import com.authservice.migrate.run.ScriptShape;
import com.authservice.migrate.run.ScriptSnapshot;
import com.authservice.migrate.run.StatusReader;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.snapshot.SchemaSnapshot;
import com.authservice.migrate.stamp.SchemaMatch;
import com.authservice.migrate.stamp.Stamper;
import com.authservice.migrate.tablelock.LockRetry;
import com.authservice.migrate.template.ScriptTemplate;
import com.authservice.migrate.validate.Validation;
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
import java.util.stream.Collectors;

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
  private Cancellation cancellation = Cancellation.none();
  private boolean lintBeforeUp = true;
  private boolean repeatablesAtHead = true;

  public Migrations(MigrationConfig config) {
    this(config, Clock.systemUTC());
  }

  public Migrations(MigrationConfig config, Clock clock) {
    this(config, new Database(config.connection(), config.run().deadLink()), clock);
  }

  /** Works on the connections {@code database} gives: a fleet lends each member the connection it keeps. */
  public Migrations(MigrationConfig config, Database database) {
    this(config, database, Clock.systemUTC());
  }

  private Migrations(MigrationConfig config, Database database, Clock clock) {
    this.config = config;
    this.scripts = config.scripts();
    this.database = database;
    this.clock = clock;
  }

  public MigrationConfig config() {
    return config;
  }

  /** Runs that {@code token} can stop from another thread (Ctrl-C): see {@link Cancellation}. */
  public Migrations cancellableBy(Cancellation token) {
    this.cancellation = token;
    return this;
  }

  /**
   * For a caller that linted every script already ({@code verify} does, strictly, once): {@code up} then skips
   * the lint before its first migration, which reads the catalog and parses the scripts on every call.
   */
  public Migrations alreadyLinted() {
    this.lintBeforeUp = false;
    return this;
  }

  /**
   * Whether {@code up} applies the repeatable scripts when it reaches head (the default). {@code verify} turns it off
   * for its round trips, one migration at a time, since {@code down} leaves what they made; it applies them at the
   * end.
   */
  public Migrations repeatablesAtHead(boolean apply) {
    this.repeatablesAtHead = apply;
    return this;
  }

  /** Every migration from the scripts and the changelog, with its state. Takes no lock. */
  public StatusReport status() {
    ScriptSnapshot snapshot = ScriptSnapshot.start(scripts);
    List<AppliedMigration> applied;
    try (Connection connection = database.open()) {
      applied = changelog().read(connection);
    } catch (SQLException e) {
      snapshot.migrations(); // a malformed script is said first, as when the scripts were listed before connecting
      throw new DatabaseError("closing the connection", e);
    } catch (RuntimeException e) {
      snapshot.migrations();
      throw e;
    }
    return StatusReader.report(snapshot, applied);
  }

  /**
   * Whether the scripts and the changelog agree (Flyway's {@code validate}): every edited or missing applied
   * script and every malformed script, listed rather than refused. Reads only; takes no lock.
   */
  public ValidationReport validate() {
    ScriptFolder.Listing listing = scripts.list();
    return Validation.of(scripts, listing, status(listing.migrations()));
  }

  private StatusReport status(List<Migration> migrations) {
    try (Connection connection = database.open()) {
      return StatusReader.report(scripts, migrations, changelog().read(connection));
    } catch (SQLException e) {
      throw new DatabaseError("closing the connection", e);
    }
  }

  /** Applies pending migrations up to the target ({@link Target#head()} for all). */
  public RunResult up(Target target, RunListener listener) {
    return run(planner -> new RunPlanner.Plan(Direction.UP, planner.up(target)), listener);
  }

  /** Undoes applied migrations, newest first, down to the target ({@link Target#steps(int)} or an id or base). */
  public RunResult down(Target target, RunListener listener) {
    return run(planner -> new RunPlanner.Plan(Direction.DOWN, planner.down(target)), listener);
  }

  /**
   * Goes up or down until exactly the migration {@code id} (or unique prefix) is the newest applied; an
   * out-of-order one is applied alone (see {@link RunPlanner#version}).
   */
  public RunResult version(String id, RunListener listener) {
    return run(planner -> planner.version(new Target.Id(id)), listener);
  }

  /** Applies every unapplied script, those older than the newest applied one included. */
  public RunResult pending(RunListener listener) {
    return run(planner -> new RunPlanner.Plan(Direction.UP, planner.pending()), listener);
  }

  /**
   * Applies exactly the unapplied migrations among {@code ids}, oldest first, and no other: how a scratch
   * database is brought to what another database's changelog says is applied (drift).
   */
  public RunResult upExactly(Set<MigrationId> ids, RunListener listener) {
    return run(planner -> new RunPlanner.Plan(Direction.UP, planner.only(ids)), listener);
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
    return underLock(listener, (connection, changelog, migrations, status) -> {
      config.changeGuard().beforeChange("Running scripts/bootstrap.sql");
      return new Bootstrapper(connection, scripts, changelog, config.run().force()).run();
    });
  }

  /**
   * Each repeatable script ({@code repeatable/R__*.sql}): new, changed, up to date or missing. Takes no lock; a
   * repository without repeatable scripts costs no connection.
   */
  public List<RepeatableState> repeatables() {
    Repeatables repeatables = repeatableScripts().readFor(Direction.UP);
    if (repeatables.all().isEmpty()) {
      return List.of();
    }
    try (Connection connection = database.open()) {
      return repeatables.status(connection);
    } catch (SQLException e) {
      throw new DatabaseError("closing the connection", e);
    }
  }

  /** Writes an empty {@code repeatable/R__<description>.sql} and returns its path. */
  public Path newRepeatable(String description) {
    scripts.directory();
    return repeatableScripts().write(description);
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
   * Accepts the current content of applied scripts: records their checksums again, and marks applied migrations
   * whose script is gone as deleted, so runs stop refusing over them (Flyway's repair does both).
   */
  public RepairResult repair() {
    return underLock(RunListener.NONE, (connection, changelog, migrations, status) -> {
      List<MigrationState> modified = status.inState(State.MODIFIED);
      List<MigrationState> missing = status.inState(State.MISSING);
      if (!modified.isEmpty() || !missing.isEmpty()) {
        config.changeGuard().beforeChange("Recording the edited content of " + modified.size()
            + " applied script(s) and " + missing.size() + " deleted one(s)");
      }
      List<MigrationId> accepted = new ArrayList<>();
      List<MigrationId> deleted = new ArrayList<>();
      connection.setAutoCommit(false);
      for (MigrationState state : modified) {
        Migration migration = migrations.stream().filter(m -> m.id().equals(state.id())).findFirst().orElseThrow();
        changelog.updateChecksum(connection, state.id(), Checksum.of(scripts.content(migration)));
        accepted.add(state.id());
      }
      for (MigrationState state : missing) {
        changelog.markDeleted(connection, state.id());
        deleted.add(state.id());
      }
      connection.commit();
      return new RepairResult(accepted, deleted);
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
      List<String> differences = List.of();
      if (target == null || target.isBlank() || target.equalsIgnoreCase("auto")) {
        Optional<SchemaMatch> match = stamper.matchingMigration(migrations);
        at = match.map(SchemaMatch::migration);
        differences = match.map(SchemaMatch::differences).orElse(List.of());
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
      config.changeGuard().beforeChange("Stamping the changelog at "
          + at.map(m -> m.id().toString()).orElse("base"));
      return stamper.stamp(migrations, status, at, alembic, dropAlembicTable, differences);
    });
  }

  /**
   * The SQL that going from {@code from} to {@code to} would run ({@code base}, {@code head} or ids),
   * changelog statements included, built without connecting to any database.
   */
  public String script(String from, String to) {
    List<Migration> migrations = scripts.migrations();
    return script(migrations, position(from, migrations), position(to, migrations));
  }

  /** From {@code start} migrations applied to {@code end} applied. */
  private String script(List<Migration> migrations, int start, int end) {
    OfflineScript offline = new OfflineScript(scripts, changelog().table());
    if (start <= end) {
      String up = offline.render(Direction.UP, migrations.subList(start, end));
      // Up to head, the repeatable scripts follow, as `up` runs them when it reaches head.
      return end == migrations.size() ? up + repeatableScripts().offlineSql() : up;
    }
    List<Migration> undo = new ArrayList<>(migrations.subList(end, start));
    Collections.reverse(undo);
    return offline.render(Direction.DOWN, undo);
  }

  /**
   * Like {@link #script(String, String)} for a command that goes {@code direction} ({@code upgrade FROM:TO --sql},
   * {@code downgrade FROM:TO --sql}): a range that goes the other way is refused, not turned around.
   */
  public String script(Direction direction, String from, String to) {
    List<Migration> migrations = scripts.migrations();
    int start = position(from, migrations);
    int end = position(to, migrations);
    if (start != end && (start < end) != (direction == Direction.UP)) {
      throw new InvalidArgument(from + ":" + to + (direction == Direction.UP ? " goes back; upgrade needs FROM older"
          : " goes forward; downgrade needs FROM newer") + " than TO (or use script " + from + " " + to + ")");
    }
    return script(migrations, start, end);
  }

  /**
   * The SQL of the next {@code steps} migrations up from the database's current one, or of undoing its newest
   * {@code steps} (Alembic's {@code upgrade +N --sql}): steps count from the database, so it must be reachable;
   * when it is not, this refuses rather than guess a starting point.
   */
  public String script(Direction direction, int steps) {
    StatusReport status;
    try {
      status = status();
    } catch (CannotConnect | UnknownDatabase | AuthenticationFailed unreachable) {
      throw new StateConflict((direction == Direction.UP ? "+" : "-") + steps + " counts from the database's "
          + "current migration, but " + config.connection().target() + " cannot be reached: give the range instead, "
          + (direction == Direction.UP ? "upgrade" : "downgrade") + " FROM:TO --sql (or script FROM TO)");
    }
    RunPlanner planner = new RunPlanner(status, scripts.migrations(), scripts.location());
    Target.Steps count = new Target.Steps(steps);
    List<Migration> plan = direction == Direction.UP ? planner.up(count) : planner.down(count);
    return new OfflineScript(scripts, changelog().table()).render(direction, plan);
  }

  /**
   * The differences between {@code models} and the database (Alembic's {@code check}). Refuses, as Alembic
   * does, when the database is not at the newest migration: the comparison would describe old state.
   * Changes nothing in the database.
   */
  public Autogeneration check(List<Class<?>> models) {
    return check(models, ExcludedTables.NONE);
  }

  /**
   * {@link #check(List)} leaving out the tables {@code excluded} names, and those the repository's
   * {@code exclude_tables} setting names (in {@code environments/development.properties}, next to
   * {@code changelog}), so that every run from the same repository leaves the same tables alone.
   */
  public Autogeneration check(List<Class<?>> models, ExcludedTables excluded) {
    StatusReport status = status();
    if (!status.isUpToDate()) {
      throw new NotUpToDate(status.inState(State.PENDING).size() + status.inState(State.OUT_OF_ORDER).size());
    }
    ExcludedTables leftOut = leftOut(excluded);
    try (Connection connection = database.open()) {
      return new Autogenerator(connection, config.connection().schema(), leftOut).generate(models);
    } catch (SQLException e) {
      throw new DatabaseError("closing the connection", e);
    }
  }

  /**
   * The tables no comparison looks at: {@code excluded}, the changelog and its repeatable scripts' table, Alembic's
   * {@code alembic_version}, and the repository's {@code exclude_tables} setting.
   */
  private ExcludedTables leftOut(ExcludedTables excluded) {
    return excluded.and(new ExcludedTables(List.of(changelogName(), changelogName() + "_repeatable",
        "alembic_version")))
        .and(ExcludedTables.parse(scripts.variable("exclude_tables", ""),
            "exclude_tables in environments/development.properties"));
  }

  /**
   * Drift: what was added, changed or dropped in this database by hand, against the schema its applied migrations
   * produce when run on {@code scratch} (an empty database on a throw-away server). Reads this database only, in a
   * read-only transaction; leaves out the tables {@code check} leaves out. Takes no lock.
   */
  public DriftReport drift(ConnectionSettings scratch) {
    return new DriftCheck(scripts, changelogName(), leftOut(ExcludedTables.NONE))
        .compare(status(), database, config.connection(), buildOn(scratch));
  }

  /** The schema at head, built on {@code scratch} (an empty database): what {@code SchemaFile} holds. */
  public SchemaSnapshot schemaAtHead(ConnectionSettings scratch) {
    return buildOn(scratch).of(scripts.migrations().stream().map(Migration::id).collect(Collectors.toSet()));
  }

  private ScratchBuild buildOn(ConnectionSettings scratch) {
    return ids -> {
      // The scratch database is nobody's environment: default policy, nothing protected, lint not strict.
      new Migrations(new MigrationConfig(scratch, scripts)).upExactly(ids, RunListener.NONE);
      try (Connection connection = new Database(scratch).open()) {
        return SchemaSnapshot.read(connection, scratch.schema(), changelogName());
      } catch (SQLException e) {
        throw new DatabaseError("reading the scratch database " + scratch.target(), e);
      }
    };
  }

  /** Writes the migration that brings the database to {@code models}; no file when nothing differs. */
  public GeneratedScript autogenerate(String description, List<Class<?>> models) {
    return autogenerate(description, models, ExcludedTables.NONE);
  }

  /** {@link #autogenerate(String, List)} leaving out excluded tables, as {@link #check(List, ExcludedTables)} does. */
  public GeneratedScript autogenerate(String description, List<Class<?>> models, ExcludedTables excluded) {
    Autogeneration found = check(models, excluded);
    if (found.isEmpty()) {
      return new GeneratedScript(found, Optional.empty(), Optional.empty());
    }
    String header = "-- Generated from the models by autogenerate. Review it before applying:\n"
        + "-- renames show as drop + add, and data migrations are never generated.\n";
    Path file = newMigration(description, header + found.upSql(), found.undoSql());
    // Written second, so it gets the later id and runs after the script it completes.
    Optional<Path> concurrent = found.concurrentUpSql().isEmpty() ? Optional.empty()
        : Optional.of(newMigration(description + " concurrently", "-- migrate:no-transaction\n"
            + "-- Generated by autogenerate: index builds and validations that must not hold a lock for long,\n"
            + "-- so they run outside a transaction, each statement on its own.\n" + found.concurrentUpSql(),
            found.concurrentUndoSql()));
    return new GeneratedScript(found, Optional.of(file), concurrent);
  }

  /**
   * Writes a migration written in Java: its stub script (whose header names the class) and the class's skeleton
   * under the repository's {@code java/} folder. Returns both files, the script first.
   */
  public List<Path> newJavaMigration(String description) {
    Path repository = scripts.repository().orElseThrow(() -> new InvalidArgument(
        "new --java writes into a repository folder; give one with --path"));
    String className = JavaSkeleton.className(description);
    JavaSkeleton.requireAbsent(repository, className);
    Path script = newMigration(description, JavaStub.upSql(className), JavaStub.undoSql(className));
    return List.of(script, JavaSkeleton.write(repository, className, description.strip(),
        script.getFileName().toString()));
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

  /**
   * Runs {@code work} holding the migration lock on the connection that does the work, with the state read
   * after the lock was taken.
   */
  private <T> T underLock(RunListener listener, LockedWork<T> work) {
    List<Migration> migrations = scripts.migrations();
    Changelog changelog = changelog();
    InFlight inFlight = InFlight.of(listener);
    try (Connection connection = database.open()) {
      LostConnection loss = LostConnection.watching(connection, config.connection(), database.deadLink());
      cancellation.attach(connection);
      try {
        // One round trip asks the schema, the changelog's shape and, last, for the lock (so nothing that could
        // fail runs after it is taken); a second reads the changelog's rows.
        connection.setAutoCommit(true);
        RoundTrip first = new RoundTrip();
        Database.SchemaCheck schema = database.askSchema(first);
        RoundTrip.Answer<Changelog.Shape> shape = changelog.askShape(first);
        RoundTrip.Answer<Boolean> locked = MigrationLock.askFirstTry(first, changelog.table());
        first.send(connection);
        if (!locked.get()) {
          // Said before waiting for another run, not after.
          schema.require();
        }
        try (MigrationLock lock = MigrationLock.acquire(connection, changelog.table(), config.run().waitForOtherRun(),
            inFlight, locked.get())) {
          schema.require();
          // Read the state only once the lock is held: another run may just have changed it (then its shape too).
          List<AppliedMigration> applied = locked.get() ? changelog.read(connection, shape.get())
              : changelog.read(connection);
          StatusReport status = StatusReader.report(scripts, migrations, applied);
          return work.run(connection, changelog, migrations, status);
        }
      } catch (RuntimeException e) {
        throw LostConnection.isLost(connection, e) ? loss.explain(e, inFlight, changelog, scripts) : e;
      } finally {
        cancellation.detach();
      }
    } catch (SQLException e) {
      throw cancelledOr(new DatabaseError("talking to " + config.connection().target(), e));
    } catch (RuntimeException e) {
      throw cancelledOr(e);
    }
  }

  /** A failure while a cancel was requested, before the sequence of migrations started, changed nothing. */
  private RuntimeException cancelledOr(RuntimeException failure) {
    return failure instanceof RunCancelled || !cancellation.requested() ? failure
        : RunCancelled.beforeAnyMigration(failure);
  }

  @FunctionalInterface
  private interface LockedWork<T> {
    T run(Connection connection, Changelog changelog, List<Migration> migrations, StatusReport status)
        throws SQLException;
  }

  private RunResult run(Function<RunPlanner, RunPlanner.Plan> plan, RunListener events) {
    long started = System.nanoTime();
    InFlight listener = InFlight.of(events);
    return underLock(listener, (connection, changelog, migrations, status) -> {
      refuseChangedScripts(status);
      RunPlanner planner = new RunPlanner(status, migrations, scripts.location());
      RunPlanner.Plan planned = plan.apply(planner);
      Direction direction = planned.direction();
      List<Migration> chosen = planned.migrations();
      JavaMigrations javaMigrations = JavaMigrations.of(scripts.repository());
      chosen.forEach(m -> {
        if (direction == Direction.UP) {
          ScriptShape.checkUp(scripts, m);
        } else {
          ScriptShape.checkDown(scripts, m);
        }
        javaMigrations.check(m, scripts.content(m));
      });
      config.changeGuard().beforeRun(direction, chosen, status);
      Hooks hooks = Hooks.of(scripts, direction);
      // Read (and their names checked) before the first migration runs, so a misnamed one changes nothing.
      Repeatables repeatables = repeatableScripts().readFor(direction);
      List<RepeatableScript> due = repeatablesAtHead && Repeatables.reachesHead(migrations, status, chosen)
          ? repeatables.due(connection) : List.of();
      MigrationTimer timer = new MigrationTimer(listener);
      List<FailedMigration> failed;
      try (LockRetry retry = new LockRetry(connection, scripts, config.run().tableLockWait(), timer,
          database::openSeparate)) {
        if (!chosen.isEmpty() || !due.isEmpty()) {
          beforeTheFirstMigration(connection, direction, chosen, due, retry, listener);
        }
        listener.started(direction, chosen.size());
        failed = new MigrationSequence(connection, scripts, changelog, config.run().force(), retry, timer,
            cancellation).withHooks(hooks).run(direction, chosen, migrations);
      }
      List<Migration> skipped = direction == Direction.UP ? planner.outOfOrder().stream()
          .filter(m -> !chosen.contains(m)).toList() : List.of();
      List<Migration> ran = chosen.stream()
          .filter(m -> failed.stream().noneMatch(f -> f.migration().equals(m))).toList();
      List<String> repeated = failed.isEmpty() ? repeatables.apply(connection, due) : List.of();
      return new RunResult(direction, ran, skipped, failed, Duration.ofNanos(System.nanoTime() - started),
          timer.durations(), repeated);
    });
  }

  /**
   * Lints the scripts {@code up} would run (every unapplied one), or only the migration {@code id} (a unique
   * prefix), or {@code all} of them, against the target database's catalog. Takes no lock.
   */
  public LintReport lint(String id, boolean all) {
    List<Migration> migrations = scripts.migrations();
    try (Connection connection = database.open()) {
      StatusReport status = StatusReader.report(scripts, migrations, changelog().read(connection));
      List<Migration> chosen;
      if (id != null && !id.isBlank()) {
        MigrationId wanted = IdResolver.resolve(id, status.migrations(), scripts.location()).id();
        chosen = migrations.stream().filter(m -> m.id().equals(wanted)).toList();
      } else {
        chosen = all ? migrations : new RunPlanner(status, migrations, scripts.location()).pending();
      }
      // The repeatable scripts up would run (all of them with --all); none when one migration was named.
      boolean named = id != null && !id.isBlank();
      Repeatables repeatables = repeatableScripts().readFor(Direction.UP);
      return lint(connection, chosen, named ? List.of() : all ? repeatables.all() : repeatables.due(connection));
    } catch (SQLException e) {
      throw new DatabaseError("closing the connection", e);
    }
  }

  /**
   * One round trip before the first migration: the run's time-outs, and for {@code up} what lint needs of the
   * catalog. Lint's findings go to the listener before anything runs; strict lint stops the run on any.
   */
  private void beforeTheFirstMigration(Connection connection, Direction direction, List<Migration> chosen,
      List<RepeatableScript> repeatables, LockRetry retry, RunListener listener) throws SQLException {
    RoundTrip trip = new RoundTrip();
    retry.askRunTimeouts(trip);
    boolean linting = direction == Direction.UP && lintBeforeUp;
    List<ParsedScript> parsed = linting ? parse(chosen, repeatables) : List.of();
    RoundTrip.Answer<Catalog> catalog = linting ? Catalog.ask(trip, parsed) : null;
    trip.send(connection);
    if (catalog != null) {
      LintReport report = lint(catalog.get(), chosen, parsed);
      listener.linted(report);
      if (config.run().strictLint() && !report.passesStrict()) {
        throw new LintRefused(report.findings().size(), report.unchecked());
      }
    }
  }

  /** Lints {@code chosen} in order, each script seeing what the ones before it did. */
  private LintReport lint(Connection connection, List<Migration> chosen, List<RepeatableScript> repeatables) {
    List<ParsedScript> parsed = parse(chosen, repeatables);
    return lint(Catalog.read(connection, parsed), chosen, parsed);
  }

  private LintReport lint(Catalog catalog, List<Migration> chosen, List<ParsedScript> parsed) {
    Linter linter = new Linter(catalog, config.connection().schema());
    for (int i = 0; i < chosen.size(); i++) {
      linter.lintScript(parsed.get(i), !ScriptShape.runsWithoutTransaction(scripts.content(chosen.get(i))));
    }
    // Repeatable scripts come last (see parse), each in a transaction of its own.
    parsed.subList(chosen.size(), parsed.size()).forEach(script -> linter.lintScript(script, true));
    return linter.report();
  }

  private List<ParsedScript> parse(List<Migration> chosen, List<RepeatableScript> repeatables) {
    List<ParsedScript> parsed = new ArrayList<>(chosen.stream()
        .map(m -> ParsedScript.parse(m.fileName(), scripts.upSql(m), config.connection().schema())).toList());
    repeatables.forEach(r -> parsed.add(ParsedScript.parse(Repeatables.path(r), r.content(),
        config.connection().schema())));
    return parsed;
  }

  private void refuseChangedScripts(StatusReport status) {
    if (config.run().ignoreModified()) {
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

  /** The changelog table's name without its schema. */
  private String changelogName() {
    return changelog().table().substring(config.connection().schema().length() + 1);
  }

  private Repeatables repeatableScripts() {
    return new Repeatables(scripts, changelog().table(), cancellation);
  }

  private Changelog changelog() {
    return new Changelog(config.connection().schema(), scripts.variable("changelog", "changelog"));
  }
}
