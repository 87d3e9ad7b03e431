package com.authservice.migrate.verify;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.autogenerate.Autogeneration;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.guard.Confirmation;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.errors.RunCancelled;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.link.DeadLink;
import com.authservice.migrate.lint.LintReport;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.State;
import com.authservice.migrate.run.Cancellation;
import com.authservice.migrate.run.Database;
import com.authservice.migrate.drift.SchemaFile;
import com.authservice.migrate.snapshot.SchemaDifference;
import com.authservice.migrate.snapshot.SchemaSnapshot;
import com.authservice.migrate.verify.VerifyFailure.Check;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code verify}: proves a repository's migrations on a scratch database before they reach a real one. The ids
 * form one line of history; every script passes strict lint; from base, each migration applies (onto sample
 * rows), its undo puts the schema back exactly as it was, and it applies again; at head the schema matches the
 * models. Every failure is listed; the chain of migrations stops at the first one that breaks, since those after it
 * would run on a schema no real database has.
 */
public final class Verifier {

  /** A repository setting ({@code environments/development.properties}) that lets scripts land out of order. */
  public static final String ALLOW_OUT_OF_ORDER = "allow_out_of_order";

  private final ScriptFolder scripts;
  private final List<Class<?>> models;
  private final boolean withData;
  private final boolean writeSchema;
  private Cancellation cancellation = Cancellation.none();

  /** {@code models} empty: the schema at head is not compared with models. */
  public Verifier(ScriptFolder scripts, List<Class<?>> models, boolean withData) {
    this(scripts, models, withData, false);
  }

  /** {@code writeSchema}: write the repository's schema.sql from head instead of failing when it differs. */
  public Verifier(ScriptFolder scripts, List<Class<?>> models, boolean withData, boolean writeSchema) {
    this.scripts = scripts;
    this.models = List.copyOf(models);
    this.withData = withData;
    this.writeSchema = writeSchema;
  }

  /** Runs that {@code token} stops (Ctrl-C): {@link #verify} then throws {@link RunCancelled}. */
  public Verifier cancellableBy(Cancellation token) {
    this.cancellation = token;
    return this;
  }

  /**
   * Proves the migrations on {@code scratch}. All of it happens on one connection to the scratch database, lent
   * to every step: a connection per step, with the lint of its script again, was most of the time of a long chain.
   */
  public VerifyReport verify(ScratchDatabase scratch, TargetHistory target) {
    try (Connection connection = new Database(scratch.settings()).open()) {
      return verify(scratch, target, connection);
    } catch (SQLException e) {
      throw new DatabaseError("closing the scratch database's connection", e);
    } catch (RunCancelled e) {
      throw RunCancelled.onScratch(e);
    } catch (RuntimeException e) {
      // A cancelled statement fails as any other would: the cancel is what happened.
      throw cancellation.requested() ? RunCancelled.onScratch(e) : e;
    }
  }

  private VerifyReport verify(ScratchDatabase scratch, TargetHistory target, Connection connection)
      throws SQLException {
    long start = System.nanoTime();
    List<VerifyFailure> failures = new ArrayList<>();
    Set<String> notes = new LinkedHashSet<>();
    ScriptFolder.Listing listing = scripts.list();
    listing.malformed().forEach((file, problem) -> failures.add(VerifyFailure.of(Check.IDS, file, problem, List.of())));
    checkOrder(target, failures, notes);
    MajorVersions.differenceNote(target.server(), scratch.describe()).ifPresent(notes::add);
    int roundTrips = 0;
    boolean modelsCompared = false;
    if (!listing.malformed().isEmpty()) {
      notes.add("the migrations were not run: every script name must be readable and its id unique first");
    } else {
      // The scratch database is verify's own: undoing its only migration needs no one's yes.
      // Every script is linted strictly here, once; each step's up need not lint its script again.
      Migrations migrations = new Migrations(new MigrationConfig(scratch.settings(), scripts)
          .confirmingWith(Confirmation.GIVEN), Database.lending(scratch.settings(), DeadLink.DEFAULT, connection))
          .cancellableBy(cancellation).alreadyLinted().repeatablesAtHead(false);
      lint(migrations.lint(null, true), failures);
      roundTrips = roundTrips(migrations, connection, scratch, listing.migrations(), failures, notes);
      if (roundTrips == listing.migrations().size()) {
        applyRepeatables(migrations.repeatablesAtHead(true), failures);
        modelsCompared = compareModels(migrations, failures, notes);
        schemaFile(connection, scratch, failures, notes);
      } else {
        notes.add("the models were not compared: the migrations did not reach head");
      }
    }
    return new VerifyReport(scratch.describe(), listing.migrations().size(), roundTrips, withData, modelsCompared,
        failures,
        new ArrayList<>(notes), Duration.ofNanos(System.nanoTime() - start));
  }

  /**
   * The repository's schema.sql against head: written with {@code --write-schema}; else, when the file exists or
   * the repository turns it on, a file that is not what the migrations produce fails, so a pull request that
   * changes the schema also shows the change in the file.
   */
  private void schemaFile(Connection connection, ScratchDatabase scratch, List<VerifyFailure> failures,
      Set<String> notes) throws SQLException {
    if (scripts.repository().isEmpty()) {
      return;
    }
    SchemaFile file = SchemaFile.of(scripts);
    if (!writeSchema && !file.exists() && !SchemaFile.isOn(scripts)) {
      return;
    }
    SchemaSnapshot head = SchemaSnapshot.read(connection, scratch.settings().schema(),
        scripts.variable("changelog", "changelog"));
    if (writeSchema) {
      notes.add((file.write(head) ? "wrote " : "unchanged: ") + file.path());
      return;
    }
    List<String> differences = file.differences(head);
    if (!differences.isEmpty()) {
      failures.add(VerifyFailure.of(Check.SCHEMA_FILE, SchemaFile.NAME, "it is not the schema the migrations produce "
          + "at head; run verify --write-schema and commit it", differences));
    }
  }

  private void checkOrder(TargetHistory target, List<VerifyFailure> failures, Set<String> notes) {
    if (target.status().isEmpty()) {
      notes.add("out-of-order ids were not checked: " + target.whyNot());
      return;
    }
    List<MigrationState> late = target.status().get().inState(State.OUT_OF_ORDER);
    if (Boolean.parseBoolean(scripts.variable(ALLOW_OUT_OF_ORDER, "false"))) {
      late.forEach(m -> notes.add(m.fileName().orElse(m.id().toString()) + " is older than a migration applied on "
          + target.name() + " (allowed by " + ALLOW_OUT_OF_ORDER + ")"));
      return;
    }
    late.forEach(m -> failures.add(VerifyFailure.of(Check.OUT_OF_ORDER, m.fileName().orElse(m.id().toString()),
        "it sorts before a migration " + target.name() + " has applied, so up would skip it there; give it a new id "
            + "(a later timestamp), or set " + ALLOW_OUT_OF_ORDER + "=true in environments/development.properties",
        List.of())));
  }

  private static void lint(LintReport report, List<VerifyFailure> failures) {
    report.findings().forEach(finding -> failures.add(VerifyFailure.of(Check.LINT, finding.fileName(),
        "line " + finding.line() + ": " + finding.rule().id() + " (" + finding.subject() + "); " + finding.rule().safeWay()
            + ", or allow it with -- migrate:allow " + finding.rule().id(), List.of())));
    report.notes().stream().filter(note -> note.isUnparsed()).forEach(note -> failures.add(VerifyFailure.of(
        Check.LINT, note.fileName(), "line " + note.line() + ": " + note.text(), List.of())));
  }

  /** Up, down, compare, up again, one migration at a time; returns how many made the whole trip. */
  private int roundTrips(Migrations migrations, Connection connection, ScratchDatabase scratch,
      List<Migration> chain, List<VerifyFailure> failures, Set<String> notes) throws SQLException {
    String schema = scratch.settings().schema();
    String changelog = scripts.variable("changelog", "changelog");
    connection.setAutoCommit(true);
    SampleRows rows = new SampleRows(connection, schema, changelog);
    SchemaSnapshot before = SchemaSnapshot.read(connection, schema, changelog);
    int done = 0;
    for (Migration migration : chain) {
      if (cancellation.requested()) {
        throw RunCancelled.onScratch(null);
      }
      if (withData) {
        notes.addAll(rows.fillEmptyTables());
      }
      String failed = step(migration, Check.APPLY, () -> migrations.up(Target.steps(1), RunListener.NONE),
          failures);
      failed = failed != null ? failed
          : step(migration, Check.UNDO, () -> migrations.down(Target.steps(1), RunListener.NONE), failures);
      if (failed != null) {
        return done;
      }
      SchemaDifference trace = before.differenceTo(SchemaSnapshot.read(connection, schema, changelog));
      if (!trace.isEmpty()) {
        failures.add(VerifyFailure.of(Check.UNDO, migration.fileName(), "its undo leaves the schema other than it "
            + "was before the migration (" + trace.changes().size() + " difference(s))", trace.lines()));
        return done;
      }
      if (step(migration, Check.REAPPLY, () -> migrations.up(Target.steps(1), RunListener.NONE),
          failures) != null) {
        return done;
      }
      before = SchemaSnapshot.read(connection, schema, changelog);
      done++;
    }
    return done;
  }

  /** The repeatable scripts, applied once at head: the round trips leave them out, since down leaves what they made. */
  private static void applyRepeatables(Migrations migrations, List<VerifyFailure> failures) {
    try {
      migrations.up(Target.head(), RunListener.NONE);
    } catch (RunCancelled e) {
      throw e;
    } catch (MigrationException e) {
      failures.add(VerifyFailure.of(Check.APPLY, e instanceof ScriptFailed failed ? failed.fileName() : null,
          "it fails: " + e.getMessage(), List.of()));
    }
  }

  /** Runs one step of the trip; on failure records it against {@code migration} and returns its message. */
  private String step(Migration migration, Check check, Runnable run,
      List<VerifyFailure> failures) {
    try {
      run.run();
      return null;
    } catch (RunCancelled e) {
      throw e;
    } catch (MigrationException e) {
      String what = switch (check) {
        case APPLY -> withData ? "it fails on tables with rows (verify --no-data tries empty tables)" : "it fails";
        case UNDO -> "its undo fails";
        default -> "it fails when applied again after its undo";
      };
      failures.add(VerifyFailure.of(check, migration.fileName(), what + ": " + e.getMessage(), List.of()));
      return e.getMessage();
    }
  }

  /** Whether the models were compared: not when none were given. */
  private boolean compareModels(Migrations migrations, List<VerifyFailure> failures, Set<String> notes) {
    if (models.isEmpty()) {
      notes.add("the models were not compared: none were given");
      return false;
    }
    Autogeneration found = migrations.check(models);
    if (!found.isEmpty()) {
      failures.add(VerifyFailure.of(Check.MODELS, null, "the schema at head differs from the models in "
          + found.changes().size() + " way(s); generate the migration with autogenerate", found.summary()));
    }
    return true;
  }
}
