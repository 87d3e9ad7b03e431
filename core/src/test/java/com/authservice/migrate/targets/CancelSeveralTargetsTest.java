package com.authservice.migrate.targets;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Target;
import com.authservice.migrate.definition.Definitions;
import com.authservice.migrate.environment.AcrossEnvironments;
import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.environment.EnvironmentRun;
import com.authservice.migrate.environment.Environments;
import com.authservice.migrate.fleet.Fleet;
import com.authservice.migrate.fleet.FleetListener;
import com.authservice.migrate.fleet.FleetResult;
import com.authservice.migrate.fleet.FleetRun;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.run.Cancellation;
import com.authservice.migrate.settings.NamePattern;
import com.authservice.migrate.targets.MemberResult.Outcome;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.Tenants;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a command on several targets ({@code up --all}, {@code up --fleet}): the statement in flight on
 * every running target is cancelled, each target's migration rolls back and its lock is released, no further
 * target starts, and the command returns at once with what happened to each target.
 */
@ExtendWith(PostgresExtension.class)
class CancelSeveralTargetsTest {

  private static final String SLOW = "20251101000000_Slow.sql";
  private static final String ROLLED_BACK = "Cancelled: " + SLOW + " was rolled back and is not applied";
  private static final long PROMPTLY_SECONDS = 5;
  private static final String SLEEPING = "select count(*) from pg_stat_activity where query like '%pg_sleep(60)%'"
      + " and state = 'active' and pid <> pg_backend_pid()";

  @TempDir
  Path temp;

  private TestScripts scripts;

  @BeforeEach
  void slowScript() {
    scripts = TestScripts.withChangelogOnly(temp).write(SLOW, """
        -- // Slow
        CREATE TABLE slow_table (id integer);
        SELECT pg_sleep(60);
        -- //@UNDO
        DROP TABLE slow_table;
        """);
  }

  @Test
  void cancellingUpAcrossEnvironmentsRollsBackTheRunningOneAndStartsNoOther(TestDatabase first, TestDatabase second)
      throws Exception {
    writeEnvironment("first", first);
    writeEnvironment("second", second);
    Definitions<Environment> environments = Environments.load(scripts.repository(), Map.of("BENCH_SECRET", "pw"), temp);
    Cancellation token = new Cancellation();

    List<EnvironmentRun> runs = cancelledWhileSleeping(first, 1, token, () -> new AcrossEnvironments(
        env -> new MigrationConfig(env.connection(), scripts.folder())).cancellableBy(token)
        .up(environments.named(List.of("first", "second")), Target.head(), env -> RunListener.NONE).runs());

    assertThat(runs).extracting(EnvironmentRun::outcome).containsExactly(Outcome.FAILED, Outcome.NOT_RUN);
    assertThat(runs.get(0).failure()).hasValueSatisfying(reason -> assertThat(reason).startsWith(ROLLED_BACK)
        .contains("The migration lock is released"));
    assertThat(runs.get(1).failure()).contains(TargetsRun.NOT_RUN_CANCELLED);
    assertThat(first.appliedIds()).containsExactly("20251001000000");
    assertThat(first.tables()).doesNotContain("slow_table");
    assertThat(advisoryLocks(first)).isZero();
    assertThat(second.changelog()).isEmpty();
  }

  @Test
  void cancellingAFleetRunRollsBackEveryRunningMemberAndStartsNoOther(TestDatabase db) throws Exception {
    Tenants tenants = Tenants.schemas(db, "a", "b", "c", "d");
    Fleet fleet = new Fleet("tenants", Fleet.Kind.SCHEMAS, new NamePattern(List.of(tenants.glob())),
        tenants.migrator(), false);
    Cancellation token = new Cancellation();

    FleetResult<RunResult> result = cancelledWhileSleeping(db, 2, token, () -> new FleetRun(fleet,
        new MigrationConfig(fleet.server(), scripts.folder()), OptionalInt.of(2), false, false).cancellableBy(token)
        .change("Applying pending migrations", m -> m.up(Target.head(), RunListener.NONE), FleetListener.NONE));

    assertThat(result.members()).extracting(MemberResult::outcome)
        .containsExactly(Outcome.FAILED, Outcome.FAILED, Outcome.NOT_RUN, Outcome.NOT_RUN);
    for (MemberResult<RunResult> running : result.members().subList(0, 2)) {
      assertThat(running.reason()).hasValueSatisfying(reason -> assertThat(reason).startsWith(ROLLED_BACK));
    }
    for (MemberResult<RunResult> later : result.members().subList(2, 4)) {
      assertThat(later.reason()).contains(TargetsRun.NOT_RUN_CANCELLED);
    }
    assertThat(tenants.appliedIds("a")).containsExactly("20251001000000");
    assertThat(tenants.appliedIds("b")).containsExactly("20251001000000");
    assertThat(tenants.appliedIds("c")).isEmpty();
    assertThat(tenants.appliedIds("d")).isEmpty();
    assertThat(db.query("select count(*) from pg_tables where tablename = 'slow_table'")).containsExactly("0");
    assertThat(advisoryLocks(db)).isZero();
  }

  /**
   * Starts {@code run}, waits until {@code sleeping} of its statements sleep on {@code db}'s server, cancels
   * {@code token} as Ctrl-C does, and gives the run's result, which must come promptly, with no statement left.
   */
  private static <T> T cancelledWhileSleeping(TestDatabase db, int sleeping, Cancellation token, Supplier<T> run)
      throws Exception {
    CompletableFuture<T> running = CompletableFuture.supplyAsync(run);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (Integer.parseInt(db.queryOne(SLEEPING)) < sleeping) {
      assertThat(running).as("the run is still going").isNotDone();
      assertThat(System.nanoTime()).as("%d migration(s) sleep on the server", sleeping).isLessThan(deadline);
      Thread.sleep(50);
    }
    long cancelled = System.nanoTime();
    token.cancel();
    T result = running.get(30, TimeUnit.SECONDS);
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - cancelled)).as("seconds from cancel to result")
        .isLessThan(PROMPTLY_SECONDS);
    assertThat(db.queryOne(SLEEPING)).as("statements still sleeping").isEqualTo("0");
    return result;
  }

  private static int advisoryLocks(TestDatabase db) {
    return Integer.parseInt(db.queryOne("select count(*) from pg_locks where locktype = 'advisory'"
        + " and database = (select oid from pg_database where datname = current_database())"));
  }

  private void writeEnvironment(String name, TestDatabase db) throws Exception {
    Files.createDirectories(scripts.repository().resolve("environments"));
    Files.writeString(scripts.repository().resolve("environments/" + name + ".properties"), "host="
        + db.settings().host() + "\nport=" + db.settings().port() + "\ndatabase=" + db.name()
        + "\nusername=postgres\npassword_env=BENCH_SECRET\n");
  }
}
