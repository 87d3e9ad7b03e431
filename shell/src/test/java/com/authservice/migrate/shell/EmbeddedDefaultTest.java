package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Asked for ({@code --embedded}, {@code MIGRATE_EMBEDDED=true}, or the REPL with nothing configured), the
 * console brings its own database and keeps its data between runs; never instead of a configured one.
 */
class EmbeddedDefaultTest {

  @TempDir
  Path dir;

  @Test
  void startsAnEmbeddedPostgresUnderDotMigrateAndKeepsItsDataBetweenRuns() {
    Console console = new Console(dir);

    Run first = console.run("--embedded", "up", "2");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err().lines().filter(l -> l.contains("embedded PostgreSQL"))).hasSize(1);
    assertThat(first.err()).contains(".migrate/");
    assertThat(Files.isDirectory(dir.resolve(".migrate/pgdata"))).isTrue();

    Run second = console.with("MIGRATE_EMBEDDED", "true").run("status");
    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(second.out()).contains("2 applied, 1 pending");
  }

  @Test
  void commandsThatNeedNoDatabaseStartNone() {
    Run help = new Console(dir).run("--embedded", "help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.err()).doesNotContain("embedded");
    assertThat(dir.resolve(".migrate")).doesNotExist();
  }

  @Test
  void aConfiguredDatabaseNeverStartsTheEmbeddedOne() throws Exception {
    Files.writeString(dir.resolve(".env"), "POSTGRES_HOST=localhost\nPOSTGRES_PORT=1\nPOSTGRES_DB=auth_service\n"
        + "POSTGRES_USER=postgres\n");

    Run run = new Console(dir).run("status");
    Run both = new Console(dir).run("--embedded", "status");
    Run bothFromEnvironment = new Console(dir).with("MIGRATE_EMBEDDED", "true").run("status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Cannot connect to PostgreSQL at localhost:1").doesNotContain("embedded");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--embedded").contains("POSTGRES_HOST").contains(".env");
    assertThat(bothFromEnvironment.exitCode()).isEqualTo(2);
    assertThat(bothFromEnvironment.err()).contains("MIGRATE_EMBEDDED");
    assertThat(dir.resolve(".migrate")).doesNotExist();
  }

  @Test
  void migrateEmbeddedTakesYesOrNo() {
    Run typo = new Console(dir).with("MIGRATE_EMBEDDED", "sure").run("status");
    Run no = new Console(dir).with("MIGRATE_EMBEDDED", "false").run("status");

    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("MIGRATE_EMBEDDED").contains("\"sure\"");
    assertThat(no.exitCode()).isEqualTo(2);
    assertThat(no.err()).contains("No database configured");
    assertThat(dir.resolve(".migrate")).doesNotExist();
  }
}
