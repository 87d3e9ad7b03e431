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

/** `migrate lint`, `--strict` and MIGRATE_LINT_STRICT, and the warnings `up` prints before it runs. */
@ExtendWith(PostgresExtension.class)
class LintCommandsTest {

  private static final String AGE = "20251120000000_Add_age_to_users.sql";

  @TempDir
  Path dir;

  private Console checkout(TestDatabase db) throws Exception {
    Console console = Console.inCheckout(dir, db.settings());
    Files.writeString(dir.resolve("migrations/scripts/" + AGE), """
        -- // Add age to users
        ALTER TABLE users ADD COLUMN age integer NOT NULL;
        -- //@UNDO
        ALTER TABLE users DROP COLUMN age;
        """);
    return console;
  }

  @Test
  void lintPrintsEachFindingWithWhatPostgresWillDoAndTheSafeWay(TestDatabase db) throws Exception {
    Run run = checkout(db).run("lint");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains(AGE + ":2  adding-required-field  users.age")
        .contains("  PostgreSQL: fails on a table with rows")
        .contains("  Safe way:   add the column nullable (or with a non-volatile DEFAULT), backfill")
        .contains("1 problem(s) in 4 script(s).");
  }

  @Test
  void lintStrictExitsOneOnFindingsAndZeroWhenClean(TestDatabase db) throws Exception {
    Console console = checkout(db);

    Run strict = console.run("lint", "--strict");
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.err()).startsWith("Error: lint found 1 problem(s)");

    Files.writeString(dir.resolve("migrations/scripts/" + AGE), """
        -- // Add age to users
        ALTER TABLE users ADD COLUMN age integer NOT NULL DEFAULT 0;
        """);
    Run clean = console.run("lint", "--strict");
    assertThat(clean.exitCode()).isZero();
    assertThat(clean.out()).contains("No problems in 4 script(s).");
  }

  @Test
  void upPrintsLintWarningsAndRunsWhileTheStrictSettingRefusesBeforeRunning(TestDatabase db) throws Exception {
    Console console = checkout(db);

    Run refused = console.with("MIGRATE_LINT_STRICT", "true").run("up");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("Warning: lint found 1 problem(s)").contains("Error: lint found 1 problem(s)");
    assertThat(db.appliedIds()).isEmpty();

    Run warned = console.with("MIGRATE_LINT_STRICT", "false").run("up");
    assertThat(warned.exitCode()).isZero();
    assertThat(warned.err()).contains("Warning: lint found 1 problem(s) in the scripts to run")
        .contains(AGE + ":2  adding-required-field  users.age");
    assertThat(db.appliedIds()).hasSize(4);
  }

  /** A DO block is a statement lint cannot parse: it may hold anything, so strict lint does not pass it. */
  private Console unparsable(TestDatabase db) throws Exception {
    Console console = Console.inCheckout(dir, db.settings());
    Files.writeString(dir.resolve("migrations/scripts/" + AGE), """
        -- // Add age to users
        DO $$ BEGIN ALTER TABLE users DROP COLUMN email; END $$;
        -- //@UNDO
        """);
    return console;
  }

  @Test
  void strictLintRefusesAStatementItCouldNotParseAndNeverSaysNoProblemsAboutIt(TestDatabase db) throws Exception {
    Console console = unparsable(db);

    Run strict = console.run("lint", "--strict");
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(strict.out()).doesNotContain("No problems in 4 script(s).\n")
        .contains(AGE + ":2  could not parse: not checked");
    assertThat(strict.err()).startsWith("Error: lint found 0 problem(s) and could not parse 1 statement(s)");

    Run up = console.with("MIGRATE_LINT_STRICT", "true").run("up");
    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.err()).contains("Error: lint found 0 problem(s) and could not parse 1 statement(s)");
    assertThat(db.appliedIds()).isEmpty();
  }

  @Test
  void upPendingAndVersionTakeStrictAsTheFlagFormOfTheSetting(TestDatabase db) throws Exception {
    Console console = checkout(db);

    for (String[] command : new String[][] {{"up", "--strict"}, {"pending", "--strict"},
        {"version", "20251120000000", "--strict"}}) {
      Run refused = console.run(command);
      assertThat(refused.exitCode()).as(String.join(" ", command)).isEqualTo(1);
      assertThat(refused.err()).as(String.join(" ", command)).contains("Error: lint found 1 problem(s)");
    }
    assertThat(db.appliedIds()).isEmpty();
  }

  @Test
  void strictAlsoRefusesARunAcrossSeveralEnvironments(TestDatabase db) throws Exception {
    Console console = checkout(db);
    Files.createDirectories(dir.resolve("migrations/environments"));
    for (String name : new String[] {"first", "second"}) {
      Files.writeString(dir.resolve("migrations/environments/" + name + ".properties"), "host=" + db.settings().host()
          + "\nport=" + db.settings().port() + "\ndatabase=" + db.name() + "\nusername=" + db.settings().user()
          + "\npassword_env=DB_SECRET\n");
    }

    Run refused = console.with("DB_SECRET", db.settings().password().reveal())
        .run("--env", "first,second", "up", "--strict");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("lint found 1 problem(s)");
    assertThat(db.appliedIds()).isEmpty();
  }

  @Test
  void anUnreadableStrictSettingIsAUsageError(TestDatabase db) throws Exception {
    Run run = checkout(db).with("MIGRATE_LINT_STRICT", "maybe").run("lint");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("Error: MIGRATE_LINT_STRICT takes true/false, yes/no, on/off or 1/0, not \"maybe\"\n");
  }
}
