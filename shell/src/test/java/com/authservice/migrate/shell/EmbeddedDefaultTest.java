package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no database configured, the console brings its own, and keeps its data between runs. */
class EmbeddedDefaultTest {

  @TempDir
  Path dir;

  @Test
  void startsAnEmbeddedPostgresUnderDotMigrateAndKeepsItsDataBetweenRuns() {
    Console console = new Console(dir);

    Run first = console.run("up", "2");
    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.err().lines().filter(l -> l.contains("embedded PostgreSQL"))).hasSize(1);
    assertThat(first.err()).contains(".migrate/");
    assertThat(Files.isDirectory(dir.resolve(".migrate/pgdata"))).isTrue();

    Run second = console.run("status");
    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).contains("2 applied, 1 pending");
  }

  @Test
  void commandsThatNeedNoDatabaseStartNone() {
    Run help = new Console(dir).run("help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.err()).doesNotContain("embedded");
    assertThat(dir.resolve(".migrate")).doesNotExist();
  }

  @Test
  void aConfiguredDatabaseNeverStartsTheEmbeddedOne() throws Exception {
    Files.writeString(dir.resolve(".env"), "POSTGRES_HOST=localhost\nPOSTGRES_PORT=1\n");

    Run run = new Console(dir).run("status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Cannot connect to PostgreSQL at localhost:1").doesNotContain("embedded");
    assertThat(dir.resolve(".migrate")).doesNotExist();
  }
}
