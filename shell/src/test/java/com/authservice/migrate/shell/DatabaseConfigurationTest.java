package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.lock.MigrationLock;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the database comes from: a missing or half-set configuration is an error, never a quiet fallback
 * to a throw-away database; MIGRATE_LOCK_TIMEOUT is read like --lock-timeout.
 */
@ExtendWith(PostgresExtension.class)
class DatabaseConfigurationTest {

  @TempDir
  Path dir;

  @Test
  void batchModeWithNothingConfiguredExitsTwoNamingTheVariablesAndTheFlag() throws Exception {
    Console console = new Console(dir);
    Files.writeString(dir.resolve("deploy.txt"), "up\n");

    List<Run> runs = List.of(console.run("up"), console.run("status"), console.piped("up\n"), console.run("@deploy.txt"));

    for (Run run : runs) {
      assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
      assertThat(run.err().lines().findFirst().orElseThrow()).startsWith("Error: No database configured")
          .contains("POSTGRES_HOST", "POSTGRES_PORT", "POSTGRES_DB", "POSTGRES_USER", "POSTGRES_PASSWORD",
              "POSTGRES_JDBC_URL", ".env", "--embedded");
      assertThat(run.err()).doesNotContain("embedded PostgreSQL");
    }
    assertThat(runs.get(0).err().lines()).hasSize(1);
    assertThat(dir.resolve(".migrate")).doesNotExist();
  }

  @Test
  void aPartialConfigurationIsAnErrorNamingWhatIsMissingInEveryMode() throws Exception {
    Run onlyDatabase = new Console(dir).with("POSTGRES_DB", "auth_service").run("up");
    Files.writeString(dir.resolve(".env"), "POSTGRES_HOST=localhost\nPOSTGRES_PORT=1\n");
    Run noDatabase = new Console(dir).run("status");
    Run repl = new Console(dir).runWithInput("status\nexit\n", true);

    assertThat(onlyDatabase.exitCode()).isEqualTo(2);
    assertThat(onlyDatabase.err()).isEqualTo("Error: Incomplete database settings: POSTGRES_DB set, but not "
        + "POSTGRES_HOST, POSTGRES_USER: set them (or POSTGRES_JDBC_URL) in the environment or .env"
        + System.lineSeparator());
    assertThat(noDatabase.exitCode()).isEqualTo(2);
    assertThat(noDatabase.err()).contains("but not POSTGRES_DB, POSTGRES_USER").doesNotContain("Cannot connect");
    assertThat(repl.exitCode()).isEqualTo(2);
    assertThat(repl.err()).contains("but not POSTGRES_DB, POSTGRES_USER");
    assertThat(dir.resolve(".migrate")).doesNotExist();
  }

  @Test
  void commandsThatNeedNoDatabaseWorkWithNothingConfigured() {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    Console console = new Console(dir);

    Run help = console.run("help");
    Run version = console.run("--version");
    Run created = console.run("new", "Add audit log");
    Run offline = console.run("script", "base", "head");

    assertThat(List.of(help, version, created, offline)).allSatisfy(run ->
        assertThat(run.exitCode()).as(run.err()).isZero());
    assertThat(created.out()).contains("_Add_audit_log.sql");
    assertThat(offline.out()).contains("CREATE TABLE users");
    assertThat(dir.resolve(".migrate")).doesNotExist();
  }

  @Test
  void migrateLockTimeoutIsReadLikeTheFlagWhichWins(TestDatabase db) throws Exception {
    Console console = Console.inCheckout(dir, db.settings());
    try (MigrationLock held = MigrationLock.acquire(db.connect(), "public.changelog", Duration.ZERO,
        RunListener.NONE)) {
      long start = System.nanoTime();
      Run fromEnvironment = console.with("MIGRATE_LOCK_TIMEOUT", "1").run("up");
      long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
      Run flagWins = console.with("MIGRATE_LOCK_TIMEOUT", "600").run("--lock-timeout", "0", "up");

      assertThat(fromEnvironment.exitCode()).isEqualTo(1);
      assertThat(fromEnvironment.err()).contains("still holds the lock after 1 s");
      assertThat(seconds).isLessThan(15);
      assertThat(flagWins.exitCode()).isEqualTo(1);
      assertThat(flagWins.err()).contains("still holds the lock after 0 s");
    }
    Run typo = console.with("MIGRATE_LOCK_TIMEOUT", "soon").run("up");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("MIGRATE_LOCK_TIMEOUT").contains("\"soon\"");
    assertThat(db.appliedIds()).isEmpty();
  }
}
