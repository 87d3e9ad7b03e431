package com.authservice.migrate.tablelock;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.RunPolicy;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.LockWaitExhausted;
import com.authservice.migrate.result.LockTimedOut;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service keeps reading while a migration waits for its lock: one session holds a transaction open on
 * users, {@code up} runs an ALTER TABLE users, and a third session SELECTs from users in a loop all along.
 */
@ExtendWith(PostgresExtension.class)
class TableLockWaitTest {

  private static final String NICKNAME = "20251120000000_Add_nickname_to_users.sql";

  @TempDir
  Path temp;

  private MigrationConfig config(TestDatabase db, TableLockWait wait) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    MigrationConfig config = new MigrationConfig(db.settings(), scripts.folder())
        .with(RunPolicy.DEFAULT.withTableLockWait(wait));
    new Migrations(config).up(Target.head(), RunListener.NONE);
    scripts.write(NICKNAME, """
        -- // Add nickname to users
        ALTER TABLE users ADD COLUMN nickname text;
        -- //@UNDO
        ALTER TABLE users DROP COLUMN nickname;
        """);
    return config;
  }

  /** A session of the reporting job: a transaction left open after reading users. */
  private record Blocking(Connection session, int pid) implements AutoCloseable {
    static Blocking open(TestDatabase db) throws Exception {
      Connection session = db.connect();
      int pid = TableLockWaitTest.pid(session);
      session.setAutoCommit(false);
      try (Statement statement = session.createStatement()) {
        statement.execute("set application_name = 'long-report'");
        statement.execute("select count(*) from users");
      }
      return new Blocking(session, pid);
    }

    @Override
    public void close() throws Exception {
      session.close();
    }
  }

  /** The service: SELECTs on users in a loop until stopped; returns the longest wait in milliseconds. */
  private static CompletableFuture<Long> readerLoop(TestDatabase db, AtomicBoolean stop) {
    return CompletableFuture.supplyAsync(() -> {
      AtomicLong longest = new AtomicLong();
      try (Connection service = db.connect(); Statement statement = service.createStatement()) {
        while (!stop.get()) {
          long started = System.nanoTime();
          statement.execute("select count(*) from users");
          longest.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
          Thread.sleep(20);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return longest.get();
    });
  }

  private static final class Recorder implements RunListener {
    final List<String> timeouts = new CopyOnWriteArrayList<>();

    @Override
    public void lockTimedOut(LockTimedOut timeout) {
      timeouts.add(timeout.migration().fileName() + " " + timeout.attempt() + "/" + timeout.attempts() + " "
          + timeout.blockers());
    }
  }

  @Test
  void theServiceNeverWaitsLongerThanTheLockTimeoutAndUpSucceedsOnceTheBlockerEnds(TestDatabase db)
      throws Exception {
    MigrationConfig config = config(db, new TableLockWait(Duration.ofSeconds(1), null, 10, Duration.ofMillis(300)));
    AtomicBoolean stop = new AtomicBoolean();
    Recorder recorder = new Recorder();
    Blocking blocker = Blocking.open(db);
    CompletableFuture<Long> reader = readerLoop(db, stop);

    CompletableFuture<RunResult> up = CompletableFuture.supplyAsync(
        () -> new Migrations(config).up(Target.head(), recorder));
    Thread.sleep(3_000);
    blocker.session().commit();
    blocker.close();
    RunResult result = up.get();
    stop.set(true);

    assertThat(result.migrations()).extracting(Migration::fileName).containsExactly(NICKNAME);
    assertThat(db.query("select 1 from information_schema.columns where column_name = 'nickname'")).hasSize(1);
    assertThat(recorder.timeouts).isNotEmpty()
        .allMatch(t -> t.startsWith(NICKNAME) && t.contains("pid " + blocker.pid() + " (long-report)")
            && t.contains("select count(*) from users"));
    assertThat(reader.get()).as("longest SELECT on users, ms").isLessThan(1_000 + 500);
  }

  @Test
  void withRetriesExhaustedUpFailsAndNothingOfTheMigrationIsApplied(TestDatabase db) throws Exception {
    MigrationConfig config = config(db, new TableLockWait(Duration.ofMillis(500), null, 2, Duration.ofMillis(100)));
    try (Blocking blocker = Blocking.open(db)) {
      assertThatThrownBy(() -> new Migrations(config).up(Target.head(), RunListener.NONE))
          .isInstanceOf(LockWaitExhausted.class)
          .hasMessageStartingWith(NICKNAME + " could not get its locks within 500 ms in 2 attempts; blocked by pid "
              + blocker.pid() + " (long-report)")
          .hasMessageContaining("nothing of it was applied");
    }
    assertThat(db.query("select 1 from information_schema.columns where column_name = 'nickname'")).isEmpty();
    assertThat(db.appliedIds()).doesNotContain("20251120000000");
  }

  @Test
  void aScriptSetsItsOwnLockTimeout(TestDatabase db) throws Exception {
    MigrationConfig config = config(db, new TableLockWait(Duration.ofSeconds(30), null, 1, Duration.ofMillis(100)));
    TestScripts.copyOfProjectRepository(temp).write(NICKNAME, """
        -- // Add nickname to users
        -- migrate:lock-timeout 200ms
        ALTER TABLE users ADD COLUMN nickname text;
        """);
    try (Blocking blocker = Blocking.open(db)) {
      long started = System.nanoTime();
      assertThatThrownBy(() -> new Migrations(config).up(Target.head(), RunListener.NONE))
          .isInstanceOf(LockWaitExhausted.class).hasMessageContaining("within 200 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }

  /** A script's time-outs hold for its own statements only: the next migration runs under the run's again. */
  @Test
  void aScriptsOwnTimeOutsEndWithItsMigration(TestDatabase db) {
    MigrationConfig config = config(db, new TableLockWait(Duration.ofSeconds(30), null, 1, Duration.ofMillis(100)));
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    scripts.write(NICKNAME, """
        -- // Settings seen
        CREATE TABLE seen (migration int, lock_timeout text, statement_timeout text);
        """);
    for (int i = 1; i <= 3; i++) {
      scripts.write("2025112100000" + i + "_Seen_" + i + ".sql", "-- // Seen " + i + "\n"
          + (i == 2 ? "-- migrate:lock-timeout 7s\n-- migrate:statement-timeout 1min\n" : "")
          + "INSERT INTO seen VALUES (" + i + ", current_setting('lock_timeout'), "
          + "current_setting('statement_timeout'));\n");
    }
    new Migrations(config).up(Target.head(), RunListener.NONE);

    assertThat(db.query("select migration || ' ' || lock_timeout || ' ' || statement_timeout from seen "
        + "order by migration")).containsExactly("1 30s 0", "2 7s 1min", "3 30s 0");
    assertThat(db.queryOne("show lock_timeout")).isEqualTo("0");
  }

  private static int pid(Connection session) throws Exception {
    try (Statement statement = session.createStatement(); var row = statement.executeQuery("select pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }
}
