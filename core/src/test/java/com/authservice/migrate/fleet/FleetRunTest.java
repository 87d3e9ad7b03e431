package com.authservice.migrate.fleet;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.ConfirmationRequired;
import com.authservice.migrate.link.DeadLink;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.settings.NamePattern;
import com.authservice.migrate.targets.MemberResult.Outcome;
import com.authservice.migrate.targets.MemberResult;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.Tenants;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A fleet's members each migrated as a run of their own: failures and unreachable members stop no one else. */
@ExtendWith(PostgresExtension.class)
class FleetRunTest {

  private static final String AUDIT_LOG = "20251020000000_Create_audit_log.sql";

  @TempDir
  Path dir;

  private TestScripts scripts;

  @BeforeEach
  void repository() {
    scripts = TestScripts.withChangelogOnly(dir).write(AUDIT_LOG,
        "-- // Create audit log\nCREATE TABLE audit_log (id BIGINT PRIMARY KEY);\n-- //@UNDO\nDROP TABLE audit_log;\n");
  }

  private static Fleet fleet(Tenants tenants, Fleet.Kind kind, boolean isProtected) {
    return new Fleet("tenants", kind, new NamePattern(List.of(tenants.glob())), tenants.migrator(), isProtected);
  }

  private static FleetResult<RunResult> up(Fleet fleet, TestScripts scripts, int parallel, boolean failFast) {
    MigrationConfig config = new MigrationConfig(fleet.server(), scripts.folder());
    return new FleetRun(fleet, config, OptionalInt.of(parallel), failFast, false)
        .change("Applying pending migrations", m -> m.up(Target.head(), RunListener.NONE), FleetListener.NONE);
  }

  /**
   * Tenants a to d, c with a table in the way of the second migration, d unreachable: the first run migrates a and
   * b and reports c and d with their reasons; once they are fixed, the second run finishes exactly them.
   */
  private void firstRunGoesOnPastCAndDAndTheSecondFinishesThem(Tenants tenants, Fleet.Kind kind,
      String unreachableBecause) {
    tenants.execute("c", "create table audit_log (note text)");
    tenants.makeUnreachable("d");
    Fleet fleet = fleet(tenants, kind, false);

    FleetResult<RunResult> first = up(fleet, scripts, 3, false);

    assertThat(first.members()).extracting(MemberResult::member)
        .containsExactly(tenants.name("a"), tenants.name("b"), tenants.name("c"), tenants.name("d"));
    assertThat(first.members()).extracting(MemberResult::outcome)
        .containsExactly(Outcome.DONE, Outcome.DONE, Outcome.FAILED, Outcome.UNREACHABLE);
    assertThat(first.members().get(2).reason().orElseThrow()).contains(AUDIT_LOG).contains("already exists");
    assertThat(first.members().get(3).reason().orElseThrow()).contains(unreachableBecause);
    assertThat(tenants.appliedIds("a")).containsExactly("20251001000000", "20251020000000");
    assertThat(tenants.appliedIds("b")).containsExactly("20251001000000", "20251020000000");
    assertThat(tenants.appliedIds("c")).containsExactly("20251001000000");

    tenants.execute("c", "drop table audit_log");
    tenants.makeReachable("d");
    FleetResult<RunResult> second = up(fleet, scripts, 3, false);

    assertThat(second.failures()).isEmpty();
    assertThat(second.members()).extracting(m -> m.value().orElseThrow().migrations().size())
        .containsExactly(0, 0, 1, 2);
    for (String tenant : List.of("a", "b", "c", "d")) {
      assertThat(tenants.appliedIds(tenant)).containsExactly("20251001000000", "20251020000000");
    }
  }

  @Test
  void aFleetOfSchemasMigratesEveryMemberAndTheNextRunFinishesTheFailedAndUnreachableOnes(TestDatabase db) {
    Tenants tenants = Tenants.schemas(db, "a", "b", "c", "d");

    firstRunGoesOnPastCAndDAndTheSecondFinishesThem(tenants, Fleet.Kind.SCHEMAS, "may not use schema");

    assertThat(db.query("select count(*) from pg_tables where tablename = 'audit_log' and schemaname like '"
        + tenants.name("%") + "'")).containsExactly("4");
  }

  @Test
  void aFleetOfDatabasesMigratesEveryMemberAndTheNextRunFinishesTheFailedAndUnreachableOnes(PostgresServer server) {
    firstRunGoesOnPastCAndDAndTheSecondFinishesThem(Tenants.databases(server, "a", "b", "c", "d"),
        Fleet.Kind.DATABASES, "not currently accepting connections");
  }

  @Test
  void everyMembersSessionAsksTheServerToProbeItsClientAfterTheRunsOwnDeadLinkTime(PostgresServer server) {
    scripts.write("20251021000000_Record_keepalive.sql", "-- // Record keepalive\n"
        + "CREATE TABLE keepalive AS SELECT current_setting('tcp_keepalives_idle') AS idle;\n"
        + "-- //@UNDO\nDROP TABLE keepalive;\n");
    Tenants tenants = Tenants.databases(server, "a", "b");
    Fleet fleet = fleet(tenants, Fleet.Kind.DATABASES, false);
    MigrationConfig base = new MigrationConfig(fleet.server(), scripts.folder());
    MigrationConfig config = base.with(base.run().withDeadLink(new DeadLink(Duration.ofSeconds(6))));

    FleetResult<RunResult> result = new FleetRun(fleet, config, OptionalInt.of(2), false, false)
        .change("Applying pending migrations", m -> m.up(Target.head(), RunListener.NONE), FleetListener.NONE);

    assertThat(result.members()).extracting(MemberResult::outcome).containsOnly(Outcome.DONE);
    // Half the dead-link time: 3 s for 6 s, where the default 20 s gives 10 s.
    assertThat(tenants.query("a", "select idle from keepalive")).containsExactly("3");
    assertThat(tenants.query("b", "select idle from keepalive")).containsExactly("3");
  }

  @Test
  void failFastRunsNoMemberAfterTheFirstFailure(TestDatabase db) {
    Tenants tenants = Tenants.schemas(db, "a", "b", "c");
    tenants.execute("a", "create table audit_log (note text)");

    FleetResult<RunResult> result = up(fleet(tenants, Fleet.Kind.SCHEMAS, false), scripts, 1, true);

    assertThat(result.members()).extracting(MemberResult::outcome)
        .containsExactly(Outcome.FAILED, Outcome.NOT_RUN, Outcome.NOT_RUN);
    assertThat(tenants.appliedIds("b")).isEmpty();
    assertThat(tenants.appliedIds("c")).isEmpty();
  }

  @Test
  void twoRunsAtOnceApplyEachMigrationOncePerMember(TestDatabase db) throws Exception {
    String[] names = IntStream.rangeClosed(1, 12).mapToObj(i -> "t" + i).toArray(String[]::new);
    Tenants tenants = Tenants.schemas(db, names);
    scripts.write("20251021000000_Count_runs.sql",
        "-- // Count runs\nCREATE TABLE runs (at timestamptz);\nINSERT INTO runs VALUES (clock_timestamp());\n"
            + "SELECT pg_sleep(0.05);\n-- //@UNDO\nDROP TABLE runs;\n");
    Fleet fleet = fleet(tenants, Fleet.Kind.SCHEMAS, false);

    CompletableFuture<FleetResult<RunResult>> one = CompletableFuture.supplyAsync(() -> up(fleet, scripts, 3, false));
    CompletableFuture<FleetResult<RunResult>> other = CompletableFuture.supplyAsync(() -> up(fleet, scripts, 3, false));

    List<FleetResult<RunResult>> runs = List.of(one.get(), other.get());
    assertThat(runs).allSatisfy(run -> assertThat(run.failures()).isEmpty());
    for (String name : names) {
      assertThat(tenants.appliedIds(name)).containsExactly("20251001000000", "20251020000000", "20251021000000");
      assertThat(tenants.query(name, "select count(*) from " + tenants.table(name, "runs"))).containsExactly("1");
    }
    int applied = runs.stream().flatMap(run -> run.members().stream())
        .mapToInt(m -> m.value().orElseThrow().migrations().size()).sum();
    assertThat(applied).isEqualTo(3 * names.length);
  }

  @Test
  void aProtectedFleetIsConfirmedOnceBeforeAnyMemberRuns(TestDatabase db) {
    Tenants tenants = Tenants.schemas(db, "a", "b");
    Fleet fleet = fleet(tenants, Fleet.Kind.SCHEMAS, true);
    List<String> asked = new java.util.ArrayList<>();
    MigrationConfig refusing = new MigrationConfig(fleet.server(), scripts.folder());

    assertThatThrownBy(() -> new FleetRun(fleet, refusing, OptionalInt.of(2), false, false)
        .change("Applying pending migrations", m -> m.up(Target.head(), RunListener.NONE), FleetListener.NONE))
        .isInstanceOf(ConfirmationRequired.class)
        .hasMessageContaining("protected fleet tenants (2 schemas)").hasMessageContaining("--yes");
    assertThat(tenants.appliedIds("a")).isEmpty();
    assertThat(tenants.appliedIds("b")).isEmpty();

    FleetResult<RunResult> result = new FleetRun(fleet, refusing.confirmingWith(asked::add), OptionalInt.of(2),
        false, false).change("Applying pending migrations", m -> m.up(Target.head(), RunListener.NONE), FleetListener.NONE);

    assertThat(asked).hasSize(1);
    assertThat(result.failures()).isEmpty();
    assertThat(tenants.appliedIds("b")).hasSize(2);
  }

  @Test
  void statusCountsOnHowManyMembersEachMigrationIsApplied(TestDatabase db) {
    Tenants tenants = Tenants.schemas(db, "a", "b", "c");
    Fleet fleet = fleet(tenants, Fleet.Kind.SCHEMAS, false);
    up(fleet, scripts, 2, false);
    tenants.execute("b", "delete from changelog where id = 20251020000000; drop table audit_log");
    tenants.makeUnreachable("c");

    FleetStatus status = FleetStatus.of(new FleetRun(fleet, new MigrationConfig(fleet.server(), scripts.folder()),
        OptionalInt.of(2), false, false).read(m -> m.status(), FleetListener.NONE));

    assertThat(status.members()).isEqualTo(3);
    assertThat(status.rows()).extracting(FleetStatus.Row::appliedOn).containsExactly(2, 1);
    assertThat(status.behind()).containsExactly(new FleetStatus.Behind(tenants.name("b"), 1));
    assertThat(status.unreachable()).extracting(FleetStatus.Problem::member).containsExactly(tenants.name("c"));
    assertThat(status.isUpToDate()).isFalse();
  }

  @Test
  void membersAreChosenByGlobsNotByLike(TestDatabase db) {
    Tenants tenants = Tenants.schemas(db, "a", "b");
    db.execute("create schema " + tenants.name("a").replace("_", "x") + "_lookalike");

    assertThat(FleetMembers.of(fleet(tenants, Fleet.Kind.SCHEMAS, false)).names())
        .containsExactly(tenants.name("a"), tenants.name("b"));
  }
}
