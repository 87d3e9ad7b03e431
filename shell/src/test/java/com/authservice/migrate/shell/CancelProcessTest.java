package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.Tenants;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C and SIGTERM during {@code up} of a migration that sleeps on the server: the statement is cancelled, the
 * console says what was rolled back or stays, the migration lock is free at once, and the batch exits 130 / 143
 * while the REPL stays at its prompt; the same for commands on several targets ({@code up --all}, {@code --fleet}),
 * where no further target starts.
 */
@ExtendWith(PostgresExtension.class)
class CancelProcessTest {

  private static final String SLOW = "20251101000000_Slow.sql";
  private static final String SLOW_SCRIPT = """
      -- // Slow
      CREATE TABLE slow_table (id integer);
      SELECT pg_sleep(30);
      -- //@UNDO
      DROP TABLE slow_table;
      """;
  private static final String ROLLED_BACK = "Cancelled: " + SLOW + " was rolled back and is not applied";
  private static final String NOT_STARTED = "the command was cancelled";

  @TempDir
  Path dir;

  private final TmuxScreen screen = new TmuxScreen("cancel-test");

  @AfterEach
  void stopTmux() throws Exception {
    screen.close();
  }

  @Test
  void ctrlCInBatchModeRollsTheMigrationBackReleasesTheLockAndExits130(TestDatabase db) throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(dir.resolve("migrations")).write(SLOW, """
        -- // Slow
        CREATE TABLE slow_table (id integer);
        SELECT pg_sleep(30);
        -- //@UNDO
        DROP TABLE slow_table;
        """);
    Started up = start(db, "up");
    awaitSleepingOnTheServer(db);

    signal(up.process(), "INT");

    assertThat(up.process().waitFor(20, TimeUnit.SECONDS)).as("the console ended").isTrue();
    String err = Files.readString(up.err());
    assertThat(up.process().exitValue()).as(err).isEqualTo(130);
    assertThat(err).contains("Cancelled: " + SLOW + " was rolled back and is not applied").doesNotContain("Exception");
    assertThat(db.appliedIds()).containsExactly("20251001000000");
    assertThat(db.tables()).doesNotContain("slow_table");
    assertLockFreeAndRerunWorks(db, scripts);
  }

  @Test
  void sigtermInBatchModeStopsANoTransactionScriptSaysWhatStaysAndExits143(TestDatabase db) throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(dir.resolve("migrations")).write(SLOW, """
        -- // Slow
        -- migrate:no-transaction
        CREATE TABLE kept_table (id integer);
        SELECT pg_sleep(30);
        CREATE TABLE never_table (id integer);
        -- //@UNDO
        DROP TABLE kept_table;
        """);
    Started up = start(db, "up");
    awaitSleepingOnTheServer(db);

    up.process().destroy();   // SIGTERM

    assertThat(up.process().waitFor(20, TimeUnit.SECONDS)).as("the console ended").isTrue();
    String err = Files.readString(up.err());
    assertThat(up.process().exitValue()).as(err).isEqualTo(143);
    assertThat(err).contains("Cancelled: " + SLOW + " runs without a transaction: the statement at line 4 was stopped, "
        + "statement 1 (line 3) ran and stays, and the migration is not recorded in the changelog");
    assertThat(db.appliedIds()).containsExactly("20251001000000");
    assertThat(db.tables()).contains("kept_table").doesNotContain("never_table");
    db.execute("DROP TABLE kept_table");
    assertLockFreeAndRerunWorks(db, scripts);
  }

  @Test
  void ctrlCInBatchModeStopsVerifyDropsItsScratchDatabaseAndExits130(TestDatabase db, PostgresServer server)
      throws Exception {
    TestScripts.withChangelogOnly(dir.resolve("migrations")).write(SLOW, SLOW_SCRIPT);
    String scratchUrl = "postgresql://" + server.user() + ":" + server.password() + "@" + server.host() + ":"
        + server.port() + "/postgres";
    Started verify = start(db, "verify", "--no-models", "--scratch-url", scratchUrl);
    awaitSleepingOnTheServer(db);

    signal(verify.process(), "INT");

    assertThat(verify.process().waitFor(20, TimeUnit.SECONDS)).as("the console ended").isTrue();
    String err = Files.readString(verify.err());
    assertThat(verify.process().exitValue()).as(err).isEqualTo(130);
    assertThat(err).contains("Cancelled; only the scratch database changed, and it is dropped.")
        .doesNotContain("Exception").doesNotContain(server.password());
    assertThat(db.query("select datname from pg_database where datname like 'verify\\_%'")).isEmpty();
    assertThat(db.changelog()).isEmpty();
  }

  @Test
  void ctrlCInTheReplCancelsTheCommandAndTheConsoleStaysAtItsPrompt(TestDatabase db) throws Exception {
    assumeThat(screen.installed()).as("tmux is installed").isTrue();
    TestScripts.withChangelogOnly(dir.resolve("migrations")).write(SLOW, """
        -- // Slow
        CREATE TABLE slow_table (id integer);
        SELECT pg_sleep(30);
        -- //@UNDO
        DROP TABLE slow_table;
        """);
    startRepl(db, Map.of());
    screen.typeLine("up");
    awaitSleepingOnTheServer(db);

    screen.press("C-c");

    screen.await("Cancelled: " + SLOW + " was rolled back and is not applied");
    assertThat(db.appliedIds()).containsExactly("20251001000000");
    assertThat(advisoryLocks(db)).isZero();
    screen.typeLine("status");
    String shown = screen.await("1 applied, 1 pending");
    assertThat(shown).doesNotContain("console exited");
    screen.typeLine("exit");
    assertThat(screen.await("console exited with ")).contains("console exited with 0");
  }

  @Test
  void ctrlCInBatchModeStopsEveryRunningFleetMemberStartsNoOtherAndExits130Promptly(TestDatabase db)
      throws Exception {
    TestScripts.withChangelogOnly(dir.resolve("migrations")).write(SLOW, SLOW_SCRIPT);
    Tenants tenants = Tenants.schemas(db, "a", "b", "c");
    Files.createDirectories(dir.resolve("migrations/fleets"));
    Files.writeString(dir.resolve("migrations/fleets/tenants.properties"), tenants.fleetFile("TENANT_PASSWORD"));
    Started up = start(db, Map.of("TENANT_PASSWORD", tenants.migrator().password().reveal()),
        "up", "--fleet", "tenants", "--parallel", "2");
    awaitSleepingOnTheServer(db, 2);

    long signalled = System.nanoTime();
    signal(up.process(), "INT");

    assertThat(up.process().waitFor(20, TimeUnit.SECONDS)).as("the console ended").isTrue();
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - signalled);
    String output = Files.readString(up.err()) + Files.readString(dir.resolve("out.txt"));
    assertThat(up.process().exitValue()).as(output).isEqualTo(130);
    assertThat(seconds).as("seconds from SIGINT to exit, against a 10 s grace").isLessThan(5);
    assertThat(output).contains(ROLLED_BACK).contains(NOT_STARTED).doesNotContain("Exception");
    assertThat(tenants.appliedIds("a")).containsExactly("20251001000000");
    assertThat(tenants.appliedIds("b")).containsExactly("20251001000000");
    assertThat(tenants.appliedIds("c")).isEmpty();
    assertThat(advisoryLocks(db)).isZero();
  }

  @Test
  void ctrlCInTheReplStopsUpAllStartsNoFurtherEnvironmentAndTheConsoleStaysAtItsPrompt(TestDatabase first,
      TestDatabase second) throws Exception {
    assumeThat(screen.installed()).as("tmux is installed").isTrue();
    TestScripts.withChangelogOnly(dir.resolve("migrations")).write(SLOW, SLOW_SCRIPT);
    environment("first", first);
    environment("second", second);
    startRepl(first, Map.of("DB_SECRET", "env-secret"));
    screen.typeLine("up --all");
    awaitSleepingOnTheServer(first, 1);

    screen.press("C-c");

    screen.await(NOT_STARTED);
    String shown = screen.await(ROLLED_BACK);
    assertThat(shown).doesNotContain("Exception");
    assertThat(first.appliedIds()).containsExactly("20251001000000");
    assertThat(second.changelog()).isEmpty();
    assertThat(advisoryLocks(first)).isZero();
    screen.typeLine("status");
    assertThat(screen.await("1 applied, 1 pending")).doesNotContain("console exited");
    screen.typeLine("exit");
    assertThat(screen.await("console exited with ")).contains("console exited with 0");
  }

  private void environment(String name, TestDatabase db) throws IOException {
    Files.createDirectories(dir.resolve("migrations/environments"));
    Files.writeString(dir.resolve("migrations/environments/" + name + ".properties"), "host=" + db.settings().host()
        + "\nport=" + db.settings().port() + "\ndatabase=" + db.name() + "\nusername=postgres\npassword_env=DB_SECRET\n");
  }

  private record Started(Process process, Path err) {
  }

  /** The console's REPL in a tmux pane, connected to {@code db}, with {@code variables} besides; at its prompt. */
  private void startRepl(TestDatabase db, Map<String, String> variables) throws Exception {
    Map<String, String> all = new LinkedHashMap<>(new PackagedConsole(dir, db.settings()).environment());
    all.putAll(variables);
    // The pane's shell traps Ctrl-C (and so survives it) without passing the trap on: the console gets it as usual.
    screen.start(dir, 200, all, "trap true INT; ");
    screen.await("@" + db.settings().host() + ":" + db.settings().port() + ">");
  }

  private Started start(TestDatabase db, String... args) throws IOException {
    return start(db, Map.of(), args);
  }

  private Started start(TestDatabase db, Map<String, String> variables, String... args) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(PackagedConsole.command(args)).directory(dir.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("POSTGRES_") || key.startsWith("MIGRATE_"));
    builder.environment().putAll(new PackagedConsole(dir, db.settings()).environment());
    builder.environment().putAll(variables);
    Path err = dir.resolve("err.txt");
    builder.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(err.toFile());
    return new Started(builder.start(), err);
  }

  /**
   * The lock is free now, not when a dead session times out: a second run that waits at most a second for it
   * (a lock still held fails it with lock_timeout) gets it and applies the script.
   */
  private void assertLockFreeAndRerunWorks(TestDatabase db, TestScripts scripts) throws Exception {
    assertThat(advisoryLocks(db)).isZero();
    scripts.write(SLOW, scripts.read(SLOW).replace("SELECT pg_sleep(30);", "SELECT 1;"));
    PackagedConsole.Result rerun = new PackagedConsole(dir, db.settings()).run("--lock-timeout", "1", "up");
    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    assertThat(db.appliedIds()).containsExactly("20251001000000", "20251101000000");
  }

  private static int advisoryLocks(TestDatabase db) {
    return Integer.parseInt(db.queryOne("select count(*) from pg_locks where locktype = 'advisory'"
        + " and database = (select oid from pg_database where datname = current_database())"));
  }

  private static void awaitSleepingOnTheServer(TestDatabase db) throws InterruptedException {
    awaitSleepingOnTheServer(db, 1);
  }

  /** Until {@code statements} migrations run pg_sleep(30) on {@code db}'s server. */
  private static void awaitSleepingOnTheServer(TestDatabase db, int statements) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String query = "select count(*) from pg_stat_activity where query like '%pg_sleep(30)%' and state = 'active'"
        + " and pid <> pg_backend_pid()";
    while (Integer.parseInt(db.queryOne(query)) < statements) {
      assertThat(System.nanoTime()).as("the migration runs pg_sleep(30)").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  private static void signal(Process process, String name) throws Exception {
    assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor()).isZero();
  }
}
