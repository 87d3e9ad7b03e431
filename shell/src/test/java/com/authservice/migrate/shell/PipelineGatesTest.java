package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The gates a pipeline relies on: {@code status --fail-on STATES} and {@code validate} exit 0 when the database
 * and the scripts pass and 1 when they do not, each outcome checked here, and neither changes the schema.
 */
@ExtendWith(PostgresExtension.class)
class PipelineGatesTest {

  private static final String INITIAL_FILE = "20251001000100_Initial_migration.sql";
  private static final String PHONE_FILE = "20251015093000_Add_phone_number_to_users.sql";
  private static final String SEED = "-- // seed\nINSERT INTO categories (name) VALUES ('a');\n-- //@UNDO\n";

  @TempDir
  Path dir;

  private TestScripts scripts;

  private Console console(TestDatabase db) {
    scripts = TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    return new Console(dir).connectedTo(db.settings());
  }

  @Test
  void failOnPendingFailsWhileMigrationsWaitAndPassesAtHead(TestDatabase db) {
    Console console = console(db);

    Run waiting = console.run("status", "--fail-on", "pending");
    assertThat(waiting.exitCode()).isEqualTo(1);
    assertThat(waiting.out()).contains("3 pending");
    assertThat(waiting.err()).isEqualTo("Error: status --fail-on: 3 pending" + System.lineSeparator());

    console.run("up");
    Run atHead = console.run("status", "--fail-on", "pending");
    assertThat(atHead.exitCode()).as(atHead.err()).isZero();
    assertThat(atHead.err()).isEmpty();
  }

  @Test
  void failOnOutOfOrderFailsUntilPendingAppliesTheOlderScript(TestDatabase db) {
    Console console = console(db);
    console.run("up");
    assertThat(console.run("status", "--fail-on", "out-of-order").exitCode()).isZero();
    scripts.write("20251010000000_Seed.sql", SEED);

    Run merged = console.run("status", "--fail-on", "out-of-order");
    assertThat(merged.exitCode()).isEqualTo(1);
    assertThat(merged.err()).contains("1 out-of-order");

    console.run("pending");
    assertThat(console.run("status", "--fail-on", "out-of-order").exitCode()).isZero();
  }

  @Test
  void failOnModifiedFailsForAnEditedAppliedScriptUntilRepaired(TestDatabase db) {
    Console console = console(db);
    console.run("up");
    assertThat(console.run("status", "--fail-on", "modified").exitCode()).isZero();
    scripts.write(INITIAL_FILE, scripts.read(INITIAL_FILE) + "\n-- edited\n");

    Run edited = console.run("status", "--fail-on", "modified");
    assertThat(edited.exitCode()).isEqualTo(1);
    assertThat(edited.err()).contains("1 modified");

    console.run("repair");
    assertThat(console.run("status", "--fail-on", "modified").exitCode()).isZero();
  }

  @Test
  void failOnMissingFailsForAnAppliedMigrationWithoutItsScript(TestDatabase db) {
    Console console = console(db);
    console.run("up");
    String phone = scripts.read(PHONE_FILE);
    assertThat(console.run("status", "--fail-on", "missing").exitCode()).isZero();
    scripts.delete(PHONE_FILE);

    Run missing = console.run("status", "--fail-on", "missing");
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("1 missing");

    scripts.write(PHONE_FILE, phone);
    assertThat(console.run("status", "--fail-on", "missing").exitCode()).isZero();
  }

  @Test
  void failOnTakesAnySubsetAndRefusesAnUnknownStateAsAUsageError(TestDatabase db) {
    Console console = console(db);
    console.run("up", "2");

    assertThat(console.run("status", "--fail-on", "modified,missing,out-of-order").exitCode()).isZero();
    Run any = console.run("status", "--fail-on", "modified, pending");
    assertThat(any.exitCode()).isEqualTo(1);
    assertThat(any.err()).contains("1 pending");
    Run typo = console.run("status", "--fail-on", "pending,edited");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("\"edited\"").contains("pending, modified, missing, out-of-order");
  }

  @Test
  void failOnInJsonIsTheStatusDocumentWithTheGatesError(TestDatabase db) {
    Console console = console(db);

    Run run = console.run("--output", "json", "status", "--fail-on", "pending,missing");
    JsonNode status = JsonOutputTest.onlyDocument(run.out());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(status.get("migrations").size()).isEqualTo(3);
    assertThat(status.get("failOn").toString()).isEqualTo("[\"pending\",\"missing\"]");
    assertThat(status.get("error").asString()).isEqualTo("gate_failed");
    assertThat(status.get("message").asString()).isEqualTo("status --fail-on: 3 pending");
    assertThat(status.get("exitCode").asInt()).isEqualTo(1);
  }

  @Test
  void validatePassesWhenScriptsAndChangelogAgreeAndCreatesNothing(TestDatabase db) {
    Console console = console(db);

    Run fresh = console.run("validate");
    assertThat(fresh.exitCode()).as(fresh.err()).isZero();
    assertThat(fresh.out()).contains("3 script(s) agree with the changelog of").contains(db.name());
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");

    console.run("up");
    assertThat(console.run("validate").exitCode()).isZero();
  }

  @Test
  void validateFailsForAnEditedAppliedScriptWithoutTouchingTheSchema(TestDatabase db) {
    Console console = console(db);
    console.run("up");
    List<String> schema = db.schemaSnapshot();
    scripts.write(INITIAL_FILE, scripts.read(INITIAL_FILE) + "\n-- edited\n");

    Run run = console.run("validate");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("modified: " + INITIAL_FILE + " was edited since it was applied");
    assertThat(run.err()).isEqualTo("Error: validate found 1 problem(s)" + System.lineSeparator());
    assertThat(db.schemaSnapshot()).isEqualTo(schema);
  }

  @Test
  void validateFailsForAnAppliedMigrationWhoseScriptIsGone(TestDatabase db) {
    Console console = console(db);
    console.run("up");
    scripts.delete(PHONE_FILE);

    Run run = console.run("validate");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("missing: applied migration 20251015093000 (Add phone number to users) has no script");
  }

  @Test
  void validateFailsForEveryMalformedScript(TestDatabase db) {
    Console console = console(db);
    scripts.write("seed.sql", SEED).write("20251101000000_Near_miss.sql",
        "-- // near miss\nCREATE TABLE x (id BIGINT);\n-- @UNDO\nDROP TABLE x;\n");

    Run run = console.run("validate");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("malformed: Malformed migration script seed.sql")
        .contains("malformed: Malformed migration script 20251101000000_Near_miss.sql");
    assertThat(run.err()).contains("validate found 2 problem(s)");
    assertThat(db.tables()).isEmpty();
  }
}
