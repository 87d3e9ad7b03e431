package com.authservice.migrate.tablelock;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.RunPolicy;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.LockWaitExhausted;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only a lock time-out (55P03) is a lock wait; a cancel (57014) is named for what it was and not retried. */
@ExtendWith(PostgresExtension.class)
class FailureKindsTest {

  private static final String FILE = "20251120000000_Slow_or_blocked.sql";

  @TempDir
  Path temp;

  private TestScripts scripts;

  private MigrationConfig atHead(TestDatabase db, TableLockWait wait) {
    scripts = TestScripts.copyOfProjectRepository(temp);
    MigrationConfig config = new MigrationConfig(db.settings(), scripts.folder())
        .with(RunPolicy.DEFAULT.withTableLockWait(wait));
    new Migrations(config).up(Target.head(), RunListener.NONE);
    return config;
  }

  @Test
  void aStatementTimeoutIsNamedWithItsValueAndSettingAndNotRetried(TestDatabase db) {
    MigrationConfig config = atHead(db, TableLockWait.DEFAULT.withStatementTimeout(Duration.ofSeconds(1)).withAttempts(3));
    scripts.write(FILE, "-- // Slow or blocked\nselect pg_sleep(2);\n-- //@UNDO\n");

    long started = System.nanoTime();
    assertThatThrownBy(() -> new Migrations(config).up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageContaining(FILE + " line 2: ERROR: canceling statement due to statement timeout: the statement "
            + "ran longer than statement_timeout 1 s, set for the run by MIGRATE_STATEMENT_TIMEOUT; not retried");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1900));
  }

  @Test
  void aCancelByTheUserIsNotALockWait(TestDatabase db) throws Exception {
    MigrationConfig config = atHead(db, TableLockWait.DEFAULT);
    scripts.write(FILE, "-- // Slow or blocked\nselect pg_sleep(30);\n-- //@UNDO\n");
    CompletableFuture<Void> canceller = CompletableFuture.runAsync(() -> {
      try (Connection admin = db.connect(); Statement statement = admin.createStatement()) {
        for (int i = 0; i < 200; i++) {
          try (ResultSet cancelled = statement.executeQuery(
              "select pg_cancel_backend(pid) from pg_stat_activity where query like 'select pg_sleep(30)%'")) {
            if (cancelled.next()) {
              return;
            }
          }
          Thread.sleep(50);
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    long started = System.nanoTime();
    assertThatThrownBy(() -> new Migrations(config).up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageContaining("canceling statement due to user request: the statement was cancelled by a user");
    canceller.get();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  /**
   * The migration builds an index (SHARE lock): a writer's open transaction blocks it; a reader's ACCESS SHARE lock
   * does not; a session that asks for a lock after the migration queues behind it without blocking it.
   */
  @Test
  void theBlockersNamedAreExactlyTheSessionsThatBlockTheMigration(TestDatabase db) throws Exception {
    MigrationConfig config = atHead(db, new TableLockWait(Duration.ofSeconds(2), null, 1, Duration.ofMillis(100)));
    scripts.write(FILE, "-- // Slow or blocked\nCREATE INDEX ix_users_probe ON users (id);\n-- //@UNDO\n");
    try (Connection reader = session(db, "innocent-reader", "select count(*) from users");
        Connection writer = session(db, "blocking-writer", "lock table users in row exclusive mode");
        Connection queued = session(db, "queued-after", "select count(*) from pg_class")) {
      CompletableFuture<Void> queues = CompletableFuture.runAsync(() -> {
        try (Statement statement = queued.createStatement()) {
          waitForMigrationToWait(db);
          statement.execute("lock table users in row exclusive mode");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      assertThatThrownBy(() -> new Migrations(config).up(Target.head(), RunListener.NONE))
          .isInstanceOf(LockWaitExhausted.class)
          .hasMessageContaining("blocked by pid " + pid(writer) + " (blocking-writer)")
          .hasMessageNotContaining("innocent-reader")
          .hasMessageNotContaining("queued-after");
      queues.get();
    }
  }

  @Test
  void aNoTransactionScriptThatTimesOutAfterItsFirstStatementSaysWhatStaysAndIsNotRunAgain(TestDatabase db)
      throws Exception {
    MigrationConfig config = atHead(db, new TableLockWait(Duration.ofMillis(500), null, 3, Duration.ofMillis(100)));
    scripts.write(FILE, """
        -- // Slow or blocked
        -- migrate:no-transaction
        CREATE TABLE probe_a (id int);
        ALTER TABLE users ADD COLUMN probe int;
        -- //@UNDO
        """);
    try (Connection writer = session(db, "blocking-writer", "lock table users in row exclusive mode")) {
      assertThatThrownBy(() -> new Migrations(config).up(Target.head(), RunListener.NONE))
          .isInstanceOf(ScriptFailed.class)
          .hasMessageContaining(FILE + " line 4: ERROR: canceling statement due to lock timeout")
          .hasMessageContaining("statement 1 (line 3) ran and stays applied");
    }
    assertThat(db.query("select 1 from pg_class where relname = 'probe_a'")).hasSize(1);
    assertThat(db.appliedIds()).doesNotContain("20251120000000");
  }

  private static Connection session(TestDatabase db, String name, String sql) throws Exception {
    Connection session = db.connect();
    session.setAutoCommit(false);
    try (Statement statement = session.createStatement()) {
      statement.execute("set application_name = '" + name + "'");
      statement.execute(sql);
    }
    return session;
  }

  private static void waitForMigrationToWait(TestDatabase db) throws Exception {
    for (int i = 0; i < 200; i++) {
      if (!db.query("select 1 from pg_stat_activity where wait_event_type = 'Lock'"
          + " and query like '%CREATE INDEX ix_users_probe%' and pid <> pg_backend_pid()").isEmpty()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IllegalStateException("the migration never waited for its lock");
  }

  private static int pid(Connection session) throws Exception {
    try (Statement statement = session.createStatement(); var row = statement.executeQuery("select pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }
}
