package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.ClosedPort;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a MyBatis CLI user types, in batch mode: init, bootstrap, redo, info, and the global options
 * --idpattern, --quiet, --trace and --force, each with its exit code and the database checked.
 */
@ExtendWith(PostgresExtension.class)
class MyBatisCommandsTest {

  private static final String CREATE_USERS = "-- // create users\nCREATE TABLE users (id BIGINT PRIMARY KEY);\n"
      + "-- //@UNDO\nDROP TABLE users;\n";

  @TempDir
  Path dir;

  @Test
  void initCreatesARepositoryInMigrationsThatTheNextCommandsUseAndRefusesToOverwriteIt(TestDatabase db)
      throws IOException {
    Console console = new Console(dir).connectedTo(db.settings());

    Run init = console.run("init");

    assertThat(init.exitCode()).isZero();
    assertThat(init.out()).contains("Created a migrations repository in " + dir.resolve("migrations"))
        .contains("scripts/bootstrap.sql").contains("_create_changelog.sql").contains("_first_migration.sql");
    assertThat(Files.readString(dir.resolve("migrations/environments/development.properties")))
        .contains("password=${POSTGRES_PASSWORD}").doesNotContain(db.settings().password().reveal() + "\n");
    assertThat(console.run("up").exitCode()).isZero();
    assertThat(db.changelog()).extracting(row -> row.substring(row.indexOf('|') + 1))
        .containsExactly("create changelog", "first migration");

    Run again = console.run("init");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("is not empty").contains("never overwrites");
  }

  @Test
  void idPatternNumbersInitAndNewAndStatusAndTargetsShowTheIdsAsWritten(TestDatabase db) {
    Console console = new Console(dir).connectedTo(db.settings());

    assertThat(console.run("--idpattern=000", "init").out()).contains("scripts/001_create_changelog.sql")
        .contains("scripts/002_first_migration.sql");
    assertThat(console.run("new", "create users").out()).contains("003_create_users.sql");
    assertThat(console.run("--idpattern", "0000", "new", "create roles").out()).contains("0004_create_roles.sql");
    assertThat(console.run("version", "003").exitCode()).isZero();

    Run status = console.run("status");
    assertThat(status.out()).contains("001 ").contains("003 ").contains("0004 ")
        .contains("3 applied, 1 pending; current 003 (create users)");
    assertThat(db.appliedIds()).containsExactly("1", "2", "3");
    assertThat(console.run("--idpattern", "#,##0", "new", "x").exitCode()).isEqualTo(2);
  }

  @Test
  void bootstrapRunsTheBootstrapScriptOnceAndIsRefusedAfterMigrations(TestDatabase db) throws IOException {
    Console console = Console.inCheckout(dir, db.settings());
    Files.writeString(dir.resolve("migrations/scripts/bootstrap.sql"),
        "CREATE TABLE legacy (id BIGINT PRIMARY KEY);\n", StandardCharsets.UTF_8);

    Run bootstrap = console.run("bootstrap");

    assertThat(bootstrap.exitCode()).isZero();
    assertThat(bootstrap.out()).contains("Ran scripts/bootstrap.sql").contains("1 statement(s)")
        .contains("not recorded in the changelog");
    assertThat(db.tables()).containsExactly("legacy");
    assertThat(db.changelog()).isEmpty();
    console.run("up");
    Run refused = console.run("bootstrap");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).startsWith("Error: The changelog table public.changelog exists");
  }

  @Test
  void redoUndoesAndAppliesTheNewestAgain(TestDatabase db) {
    Console console = Console.inCheckout(dir, db.settings());
    console.run("up");
    db.execute("insert into users (email, hashed_password, phone_number) values ('ann@example.com', 'x', '+100')");

    Run redo = console.run("redo");

    assertThat(redo.exitCode()).isZero();
    assertThat(redo.out()).contains("Undoing 20251015093000_Add_phone_number_to_users.sql")
        .contains("Undid 1 migration(s)").contains("Applying 20251015093000_Add_phone_number_to_users.sql")
        .contains("Applied 1 migration(s)");
    assertThat(db.query("select phone_number is null from users")).containsExactly("t");
    assertThat(db.appliedIds()).hasSize(3);
    assertThat(console.run("redo", "zero").exitCode()).isEqualTo(2);
  }

  @Test
  void infoNamesTheVersionsOfEveryPiece(TestDatabase db) {
    Run info = Console.inCheckout(dir, db.settings()).run("info");

    assertThat(info.exitCode()).isZero();
    assertThat(info.out()).contains("auth-migrate ").contains("MyBatis Migrations 3.5.0")
        .contains("Driver: PostgreSQL JDBC Driver 42.").contains("Server: PostgreSQL ").contains("Java: ");
  }

  @Test
  void infoStillAnswersWhenTheServerCannotBeReached(TestDatabase db) {
    Run info = Console.inCheckout(dir, db.settings()).with("POSTGRES_PORT", Integer.toString(ClosedPort.number()))
        .run("info");

    assertThat(info.exitCode()).isZero();
    assertThat(info.out()).contains("MyBatis Migrations 3.5.0").contains("Server: not reachable: Cannot connect");
  }

  @Test
  void quietPrintsNothingButErrors(TestDatabase db) {
    Console console = Console.inCheckout(dir, db.settings());

    Run up = console.run("--quiet", "up");
    Run failed = console.run("--quiet", "version", "20990101");

    assertThat(up.exitCode()).isZero();
    assertThat(up.out()).isEmpty();
    assertThat(db.appliedIds()).hasSize(3);
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.out()).isEmpty();
    assertThat(failed.err()).startsWith("Error: Can't locate migration");
  }

  @Test
  void aCommandPrefixIsNotGuessedAsMyBatisGuessesIt(TestDatabase db) {
    Run run = Console.inCheckout(dir, db.settings()).run("s");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("Error: Unknown command \"s\"");
  }

  @Test
  void traceIsMyBatisWordForDebug(TestDatabase db) {
    Run run = Console.inCheckout(dir, db.settings()).run("--trace", "version", "20990101");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("UnknownMigration").contains("\tat ");
  }

  @Test
  void forceGoesOnPastAFailingMigrationListsItAndExitsOne(TestDatabase db) {
    Console console = Console.inCheckout(dir, db.settings());
    TestScripts scripts = TestScripts.empty(dir.resolve("migrations"));
    scripts.write("20251101000000_broken.sql", "-- // broken\nALTER TABLE nowhere ADD COLUMN x INT;\n"
        + "-- //@UNDO\nALTER TABLE nowhere DROP COLUMN x;\n");
    scripts.write("20251102000000_create_roles.sql", "-- // create roles\nCREATE TABLE roles (id INT);\n"
        + "-- //@UNDO\nDROP TABLE roles;\n");

    Run stopped = console.run("up");
    assertThat(stopped.exitCode()).isEqualTo(1);
    assertThat(db.tables()).doesNotContain("roles");

    Run forced = console.run("--force", "up");
    assertThat(forced.exitCode()).isEqualTo(1);
    assertThat(forced.out()).contains("Applied 1 migration(s)")
        .contains("1 migration(s) failed and were rolled back (--force went on):")
        .contains("  20251101000000_broken.sql");
    assertThat(forced.err()).contains("Failed (rolled back, going on because of --force): 20251101000000_broken.sql "
        + "line 2: ERROR: relation \"nowhere\" does not exist")
        .contains("Error: 1 migration(s) failed and were rolled back: 20251101000000_broken.sql.");
    assertThat(db.tables()).contains("roles");
    assertThat(console.run("status").out()).contains("out of order");
  }

  @Test
  void forceAcrossEnvironmentsStillStopsBeforeTheNextEnvironment(TestDatabase first, TestDatabase second)
      throws IOException {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations")).write("20251101000000_broken.sql",
        "-- // broken\nALTER TABLE nowhere ADD COLUMN x INT;\n-- //@UNDO\nALTER TABLE nowhere DROP COLUMN x;\n");
    Files.createDirectories(dir.resolve("migrations/environments"));
    for (TestDatabase db : new TestDatabase[] {first, second}) {
      Files.writeString(dir.resolve("migrations/environments/" + db.name() + ".properties"), "host="
          + db.settings().host() + "\nport=" + db.settings().port() + "\ndatabase=" + db.name() + "\nusername="
          + db.settings().user() + "\npassword_env=DB_SECRET\n");
    }
    Console console = new Console(dir).with("DB_SECRET", first.settings().password().reveal())
        .with("POSTGRES_HOST", "localhost");

    Run run = console.run("--force", "--env", first.name() + "," + second.name(), "up");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("20251101000000_broken.sql");
    assertThat(first.appliedIds()).hasSize(3);
    assertThat(second.appliedIds()).isEmpty();
  }

  @Test
  void aRepositoryWithoutAChangelogScriptGetsMyBatisChangelogWithANotice(TestDatabase db) throws IOException {
    Path repository = dir.resolve("by-hand");
    TestScripts.empty(repository).write("001_create_users.sql", CREATE_USERS);
    Console console = new Console(dir).connectedTo(db.settings());

    Run up = console.run("--path=" + repository, "up");

    assertThat(up.exitCode()).isZero();
    assertThat(up.out()).contains("No script creates the changelog table: created MyBatis' public.changelog "
        + "before the first migration.").contains("Applied 1 migration(s)");
    assertThat(db.tables()).containsExactly("users");
    assertThat(db.appliedIds()).containsExactly("1");
    try (Stream<Path> files = Files.list(repository.resolve("scripts"))) {
      assertThat(files).hasSize(1);
    }
  }
}
