package com.authservice.migrate.lock;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.RunPolicy;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.LockTimeout;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The advisory lock: concurrent runs apply each migration exactly once; a killed run leaves nothing behind. */
@ExtendWith(PostgresExtension.class)
class OneRunAtATimeTest {

  private static final int RUNS = 8;

  @TempDir
  Path temp;

  /** The project's scripts plus ten data migrations, each of which would insert a row twice if run twice. */
  private TestScripts scriptsWithDataMigrations() {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    scripts.write("20251101000000_Create_audit.sql",
        "-- // audit\nCREATE TABLE audit (note text);\n-- //@UNDO\nDROP TABLE audit;\n");
    for (int i = 1; i <= 10; i++) {
      scripts.write(String.format("202511010000%02d_Audit_%d.sql", i, i),
          "-- // audit " + i + "\nINSERT INTO audit VALUES ('" + i + "');\nSELECT pg_sleep(0.02);\n"
              + "-- //@UNDO\nDELETE FROM audit WHERE note = '" + i + "';\n");
    }
    return scripts;
  }

  @Test
  void eightConcurrentThreadsApplyEachMigrationExactlyOnce(TestDatabase db) throws Exception {
    TestScripts scripts = scriptsWithDataMigrations();
    List<String> waits = Collections.synchronizedList(new ArrayList<>());
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(RUNS);
    List<Future<RunResult>> runs = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      runs.add(pool.submit(() -> {
        start.await();
        return new Migrations(new MigrationConfig(db.settings(), scripts.folder())).up(Target.head(),
            new RunListener() {
              @Override
              public void waitingForLock(String holder) {
                waits.add(holder);
              }
            });
      }));
    }
    start.countDown();
    int applied = 0;
    for (Future<RunResult> run : runs) {
      applied += run.get(120, TimeUnit.SECONDS).migrations().size();
    }
    pool.shutdown();

    assertThat(applied).isEqualTo(14);
    assertThat(db.query("select note from audit order by note::int"))
        .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    assertThat(db.query("select count(*), count(distinct id) from changelog")).containsExactly("14|14");
    assertThat(waits).isNotEmpty().allSatisfy(holder -> assertThat(holder).startsWith("pid "));
  }

  @Test
  void eightConcurrentProcessesApplyEachMigrationExactlyOnce(TestDatabase db) throws Exception {
    TestScripts scripts = scriptsWithDataMigrations();
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < RUNS; i++) {
      processes.add(UpInAnotherProcess.start(db.settings(), scripts.repository()));
    }
    int applied = 0;
    for (Process process : processes) {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output).doesNotContain("error");
      applied += Integer.parseInt(output.lines().filter(l -> l.startsWith("applied ")).findFirst().orElseThrow()
          .substring("applied ".length()));
    }

    assertThat(applied).isEqualTo(14);
    assertThat(db.query("select count(*) from audit")).containsExactly("10");
    assertThat(db.query("select count(*), count(distinct id) from changelog")).containsExactly("14|14");
  }

  @Test
  void aSecondRunGivesUpAfterTheLockTimeoutWithAClearMessage(TestDatabase db) throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    MigrationConfig config = new MigrationConfig(db.settings(), scripts.folder())
        .with(RunPolicy.DEFAULT.waitingForOtherRun(Duration.ofMillis(700)));
    List<String> waits = new ArrayList<>();
    try (Connection holder = db.connect();
        MigrationLock held = MigrationLock.acquire(holder, "public.changelog", Duration.ZERO, RunListener.NONE)) {

      assertThatThrownBy(() -> new Migrations(config).up(Target.head(), new RunListener() {
        @Override
        public void waitingForLock(String who) {
          waits.add(who);
        }
      })).isInstanceOf(LockTimeout.class)
          .hasMessageContaining("Another migration run (pid ").hasMessageContaining("--lock-timeout");
    }
    assertThat(waits).hasSize(1);
    assertThat(db.tables()).isEmpty();
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
  }

  @Test
  void readOnlyCommandsDoNotWaitForTheLock(TestDatabase db) throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    try (Connection holder = db.connect();
        MigrationLock held = MigrationLock.acquire(holder, "public.changelog", Duration.ZERO, RunListener.NONE)) {
      assertThat(new Migrations(new MigrationConfig(db.settings(), scripts.folder())
          .with(RunPolicy.DEFAULT.waitingForOtherRun(Duration.ZERO))).status().migrations()).hasSize(3);
    }
  }

  @Test
  void aKilledRunLeavesNoLockAndNoHalfAppliedMigration(TestDatabase db) throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    scripts.write("20251101000000_Slow_change.sql", """
        -- // Slow change
        CREATE TABLE slow (id int);
        SELECT pg_sleep(30);
        -- //@UNDO
        DROP TABLE slow;
        """);
    Process run = UpInAnotherProcess.start(db.settings(), scripts.repository());
    waitUntil(() -> !db.query("select pid from pg_stat_activity where query like '%pg_sleep(30)%' "
        + "and application_name = 'auth-migrate'").isEmpty());

    run.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    waitUntil(() -> db.queryOne("select count(*) from pg_locks where locktype = 'advisory'").equals("0"));
    assertThat(db.appliedIds()).containsExactly("20251001000000", "20251001000100", "20251015093000");
    waitUntil(() -> db.query("select 1 from pg_stat_activity where query like '%pg_sleep(30)%' "
        + "and application_name = 'auth-migrate'").isEmpty());
    assertThat(db.tables()).doesNotContain("slow");

    scripts.write("20251101000000_Slow_change.sql", scripts.read("20251101000000_Slow_change.sql")
        .replace("pg_sleep(30)", "pg_sleep(0)"));
    RunResult next = new Migrations(new MigrationConfig(db.settings(), scripts.folder())
        .with(RunPolicy.DEFAULT.waitingForOtherRun(Duration.ofSeconds(5)))).up(Target.head(),
        RunListener.NONE);
    assertThat(next.migrations()).extracting(m -> m.id().toString()).containsExactly("20251101000000");
    assertThat(db.tables()).contains("slow");
  }

  /**
   * The killed run's statement goes on on the server (its script turned off the dead-client check, as on
   * PostgreSQL 13 and older, where the check does not exist) until the test lets it finish: the next run
   * must wait for it, since the lock lives on the backend that runs the statement. Its lock wait outlasts the
   * test: with the default 5 s, a loaded machine let the lock time-out end the statement before the check.
   */
  @Test
  void aKilledRunsStatementStillOnTheServerKeepsTheNextRunWaiting(TestDatabase db) throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    scripts.write("20251101000000_Gate.sql", """
        -- // Gate
        CREATE SEQUENCE attempts;
        CREATE TABLE seen_overlaps (running_elsewhere bigint);
        -- //@UNDO
        """);
    scripts.write("20251101000100_Slow.sql", """
        -- // Slow
        -- migrate:lock-timeout 5min
        SET client_connection_check_interval = 0;
        SELECT pg_advisory_xact_lock(42) WHERE nextval('attempts') = 1;
        INSERT INTO seen_overlaps SELECT count(*) FROM pg_stat_activity
          WHERE pid <> pg_backend_pid() AND state = 'active' AND query LIKE 'SELECT pg_advisory_xact_lock(42)%';
        -- //@UNDO
        """);
    String slowRunning = "select 1 from pg_stat_activity where state = 'active' "
        + "and query like 'SELECT pg_advisory_xact_lock(42)%'";
    try (Connection gate = db.connect(); Statement gateKeeper = gate.createStatement()) {
      gateKeeper.execute("select pg_advisory_lock(42)");
      Process first = UpInAnotherProcess.start(db.settings(), scripts.repository());
      waitUntil(() -> !db.query(slowRunning).isEmpty() || !first.isAlive());
      assertThat(first.isAlive()).as(() -> output(first)).isTrue();
      Process second = UpInAnotherProcess.start(db.settings(), scripts.repository());
      BufferedReader secondOutput = new BufferedReader(
          new InputStreamReader(second.getInputStream(), StandardCharsets.UTF_8));
      assertThat(firstReport(secondOutput)).startsWith("waiting for ");

      first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      Thread.sleep(1500);

      assertThat(db.query(slowRunning)).hasSize(1);
      assertThat(second.isAlive()).as("the next run is still waiting for the lock").isTrue();
      assertThat(db.appliedIds()).doesNotContain("20251101000100");
      gateKeeper.execute("select pg_advisory_unlock(42)");

      assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String rest = secondOutput.lines().collect(Collectors.joining("\n"));
      assertThat(second.exitValue()).as(rest).isZero();
    }
    assertThat(db.query("select running_elsewhere from seen_overlaps")).containsExactly("0");
    // The killed run had sent the whole migration in its one round trip (statements, changelog row, COMMIT): its
    // backend finishes it once the gate opens, so the next run finds it applied and never runs it a second time.
    assertThat(db.queryOne("select last_value from attempts")).isEqualTo("1");
    assertThat(db.appliedIds()).contains("20251101000100");
  }

  /** The first line UpInAnotherProcess prints itself, past the JVM's and libraries' warnings. */
  private static String firstReport(BufferedReader output) throws java.io.IOException {
    String line;
    do {
      line = output.readLine();
    } while (line != null && !line.matches("(waiting for|running|applied|error) .*"));
    return line;
  }

  private static String output(Process process) {
    try {
      return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 20 s");
      }
      Thread.sleep(50);
    }
  }
}
