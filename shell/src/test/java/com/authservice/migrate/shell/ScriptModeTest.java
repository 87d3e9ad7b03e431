package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Files of commands ({@code @file}, {@code --file}, {@code source}) and commands piped on stdin. */
@ExtendWith(PostgresExtension.class)
class ScriptModeTest {

  @TempDir
  Path dir;

  private Console console(TestDatabase db) {
    return Console.inCheckout(dir, db.settings());
  }

  @Test
  void aFileOfCommandsRunsInOrder(TestDatabase db) throws Exception {
    Console console = console(db);
    Files.writeString(dir.resolve("deploy.txt"), "# bring the database to head\nup 2\n\nstatus\nup\n");

    Run run = console.run("@deploy.txt");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Applied 2 migration(s)").contains("2 applied, 1 pending").contains("Applied 1 migration(s)");
    assertThat(db.appliedIds()).hasSize(3);
  }

  @Test
  void aFileStopsAtTheFirstFailureWithItsExitCode(TestDatabase db) throws Exception {
    Console console = console(db);
    Files.writeString(dir.resolve("deploy.txt"), "up 1\nversion 20990101\nup\n");

    Run run = console.run("--file", "deploy.txt");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Can't locate migration").contains("Stopped at line 2: version 20990101");
    assertThat(db.appliedIds()).containsExactly("20251001000000");
  }

  @Test
  void aUsageErrorInAFileExitsTwo(TestDatabase db) throws Exception {
    Console console = console(db);
    Files.writeString(dir.resolve("deploy.txt"), "status\nfrobnicate\nup\n");

    assertThat(console.run("@deploy.txt").exitCode()).isEqualTo(2);
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
  }

  @Test
  void aMissingCommandFileIsAUsageError(TestDatabase db) {
    Run run = console(db).run("@nowhere.txt");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("cannot read command file");
  }

  @Test
  void commandsPipedOnStandardInputRunInOrderAndStopAtAFailure(TestDatabase db) {
    Console console = console(db);

    Run run = console.piped("up 1\nnew \"Add roles table\" --template create-table\nup\nstatus\n");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Created ").contains("_Add_roles_table.sql").contains("4 applied, 0 pending");
    assertThat(db.tables()).contains("new_table");

    Run failing = console.piped("down\nshow 1234\ndown\n");
    assertThat(failing.exitCode()).isEqualTo(1);
    assertThat(db.appliedIds()).hasSize(3);
  }

  @Test
  void sourceRunsAFileFromInsideAnotherRun(TestDatabase db) throws Exception {
    Console console = console(db);
    Files.writeString(dir.resolve("two.txt"), "up 2\n");

    assertThat(console.run("source", "two.txt").exitCode()).isZero();
    assertThat(db.appliedIds()).hasSize(2);
  }
}
