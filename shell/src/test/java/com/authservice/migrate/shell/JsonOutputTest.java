package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.lock.MigrationLock;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.ClosedPort;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --output json}: every command that reports writes exactly one JSON document on stdout, parsed here with a
 * real parser; progress and notices stay on stderr; failures are documents too, with the usual exit codes.
 */
@ExtendWith(PostgresExtension.class)
class JsonOutputTest {

  private static final String CHANGELOG = "20251001000000";
  private static final String INITIAL = "20251001000100";
  private static final String PHONE = "20251015093000";
  private static final String ISO_LOCAL_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d";

  @TempDir
  Path dir;

  private TestScripts scripts;

  private Console console(TestDatabase db) {
    scripts = TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    return new Console(dir).connectedTo(db.settings());
  }

  /** Runs in JSON mode and returns the one document stdout holds. */
  private static JsonNode json(Console console, String... args) {
    String[] withOutput = new String[args.length + 2];
    withOutput[0] = "--output";
    withOutput[1] = "json";
    System.arraycopy(args, 0, withOutput, 2, args.length);
    Run run = console.run(withOutput);
    JsonNode document = onlyDocument(run.out());
    assertThat(document.get("exitCode").asInt()).as(run.err()).isEqualTo(run.exitCode());
    return document;
  }

  static JsonNode onlyDocument(String stdout) {
    List<JsonNode> documents = documents(stdout);
    assertThat(documents).as(stdout).hasSize(1);
    assertThat(documents.get(0).isObject()).isTrue();
    return documents.get(0);
  }

  static List<JsonNode> documents(String stdout) {
    try (MappingIterator<JsonNode> read = JsonMapper.shared().readerFor(JsonNode.class).readValues(stdout)) {
      return read.readAll();
    }
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> values = new ArrayList<>();
    array.forEach(element -> values.add(field == null ? element.asString() : element.get(field).asString()));
    return values;
  }

  @Test
  void statusGivesEveryMigrationWithItsStateAndTheCounts(TestDatabase db) {
    Console console = console(db);
    console.run("up", "2");

    JsonNode status = json(console, "status");

    assertThat(status.get("command").asString()).isEqualTo("status");
    assertThat(status.get("exitCode").asInt()).isZero();
    assertThat(status.get("target").asString()).contains(db.name());
    JsonNode migrations = status.get("migrations");
    assertThat(texts(migrations, "id")).containsExactly(CHANGELOG, INITIAL, PHONE);
    assertThat(texts(migrations, "state")).containsExactly("applied", "applied", "pending");
    assertThat(migrations.get(1).get("id").isString()).isTrue();
    assertThat(migrations.get(1).get("description").asString()).isEqualTo("Initial migration");
    assertThat(migrations.get(1).get("file").asString()).isEqualTo(INITIAL + "_Initial_migration.sql");
    assertThat(migrations.get(1).get("appliedAt").asString()).matches(ISO_LOCAL_TIME);
    assertThat(migrations.get(2).get("appliedAt").isNull()).isTrue();
    assertThat(status.get("current").get("id").asString()).isEqualTo(INITIAL);
    assertThat(status.get("counts").get("applied").asInt()).isEqualTo(2);
    assertThat(status.get("counts").get("pending").asInt()).isEqualTo(1);
    assertThat(status.get("counts").get("out-of-order").asInt()).isZero();
    assertThat(status.get("upToDate").asBoolean()).isFalse();
  }

  @Test
  void migrateOutputJsonInTheEnvironmentAsksForJsonAndTheFlagWins(TestDatabase db) {
    Console console = console(db).with("MIGRATE_OUTPUT", "json");

    Run fromEnvironment = console.run("current");
    Run flagWins = console.run("--output", "text", "current");

    assertThat(onlyDocument(fromEnvironment.out()).get("command").asString()).isEqualTo("current");
    assertThat(flagWins.out()).contains("Empty database");
    Run typo = console.with("MIGRATE_OUTPUT", "yaml").run("status");
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("MIGRATE_OUTPUT").contains("json or text").contains("\"yaml\"");
    Run badFlag = console.run("--output=xml", "status");
    assertThat(badFlag.exitCode()).isEqualTo(2);
    assertThat(badFlag.err()).contains("--output takes json or text");
  }

  @Test
  void currentHistoryAndShowDescribeTheMigrations(TestDatabase db) {
    Console console = console(db);
    console.run("up", "2");

    JsonNode current = json(console, "current");
    assertThat(current.get("current").get("id").asString()).isEqualTo(INITIAL);
    assertThat(current.get("current").get("state").asString()).isEqualTo("applied");
    assertThat(current.get("counts").get("pending").asInt()).isEqualTo(1);
    assertThat(current.get("atHead").asBoolean()).isFalse();

    JsonNode history = json(console, "history", "--verbose");
    assertThat(texts(history.get("migrations"), "id")).containsExactly(PHONE, INITIAL, CHANGELOG);
    assertThat(texts(history.get("migrations").get(1).get("firstLines"), null)).contains("CREATE TABLE users (");

    JsonNode show = json(console, "show", "202510150");
    assertThat(show.get("migration").get("id").asString()).isEqualTo(PHONE);
    assertThat(show.get("migration").get("state").asString()).isEqualTo("pending");
    assertThat(show.get("upSql").asString()).contains("ALTER TABLE users ADD COLUMN phone_number");
    assertThat(show.get("undoSql").asString()).contains("DROP COLUMN phone_number");
  }

  @Test
  void upAndDownSayWhatRanWithTimesAndProgressStaysOnStderr(TestDatabase db) {
    Console console = console(db);

    Run up = console.run("--output", "json", "up");
    JsonNode applied = onlyDocument(up.out());
    assertThat(up.exitCode()).isZero();
    assertThat(up.err()).contains("Applying 20251001000100_Initial_migration.sql");
    assertThat(applied.get("command").asString()).isEqualTo("up");
    assertThat(applied.get("direction").asString()).isEqualTo("up");
    assertThat(texts(applied.get("migrations"), "id")).containsExactly(CHANGELOG, INITIAL, PHONE);
    assertThat(applied.get("migrations").get(0).get("file").asString()).endsWith("_create_changelog.sql");
    assertThat(applied.get("migrations").get(0).get("elapsedMs").isIntegralNumber()).isTrue();
    assertThat(applied.get("elapsedMs").asLong()).isGreaterThanOrEqualTo(0);
    assertThat(applied.get("failed").isEmpty()).isTrue();
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL, PHONE);

    JsonNode undone = json(console, "down");
    assertThat(undone.get("command").asString()).isEqualTo("down");
    assertThat(undone.get("direction").asString()).isEqualTo("down");
    assertThat(texts(undone.get("migrations"), "id")).containsExactly(PHONE);

    JsonNode version = json(console, "version", PHONE);
    assertThat(version.get("command").asString()).isEqualTo("version");
    assertThat(texts(version.get("migrations"), "id")).containsExactly(PHONE);
  }

  @Test
  void pendingSaysWhichOutOfOrderScriptsItApplied(TestDatabase db) {
    Console console = console(db);
    console.run("up");
    scripts.write("20251010000000_Seed.sql", "-- // seed\nINSERT INTO categories (name) VALUES ('a');\n-- //@UNDO\n");

    JsonNode skipped = json(console, "up");
    assertThat(texts(skipped.get("skippedOutOfOrder"), "id")).containsExactly("20251010000000");
    assertThat(skipped.get("migrations").isEmpty()).isTrue();

    JsonNode pending = json(console, "pending");
    assertThat(pending.get("command").asString()).isEqualTo("pending");
    assertThat(texts(pending.get("migrations"), "id")).containsExactly("20251010000000");
    assertThat(db.query("select name from categories")).containsExactly("a");
  }

  @Test
  void aForcedRunWithFailuresIsOneDocumentWithTheFailuresAndTheError(TestDatabase db) {
    Console console = console(db);
    scripts.write("20251101000000_Broken.sql", "-- // broken\nALTER TABLE nope ADD x int;\n-- //@UNDO\n");

    Run run = console.run("--output", "json", "--force", "up");
    JsonNode document = onlyDocument(run.out());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(texts(document.get("migrations"), "id")).containsExactly(CHANGELOG, INITIAL, PHONE);
    assertThat(texts(document.get("failed"), "id")).containsExactly("20251101000000");
    assertThat(document.get("failed").get(0).get("error").asString()).contains("relation \"nope\" does not exist");
    assertThat(document.get("error").asString()).isEqualTo("migrations_failed");
    assertThat(document.get("exitCode").asInt()).isEqualTo(1);
    assertThat(run.err()).contains("Error: 1 migration(s) failed");
  }

  @Test
  void aScriptThatLacksAPrivilegeFailsAsPermissionDenied(TestDatabase db) {
    Console console = console(db);
    console.run("up");
    db.execute("create role probe_without_grants");
    scripts.write("20251120000000_Read_as_nobody.sql", "-- // Read as nobody\nSET LOCAL ROLE probe_without_grants;\n"
        + "SELECT count(*) FROM users;\n-- //@UNDO\n");

    JsonNode document = json(console, "up");

    assertThat(document.get("error").asString()).isEqualTo("permission_denied");
    assertThat(document.get("exitCode").asInt()).isEqualTo(1);
    assertThat(document.get("message").asString()).startsWith("20251120000000_Read_as_nobody.sql line 3: ERROR: "
        + "permission denied for table users");
  }

  @Test
  void checkGivesTheDifferencesAndExitsOneWhenThereAreSome(TestDatabase db) {
    Console console = console(db);
    scripts.delete("20251015093000_Add_phone_number_to_users.sql");
    console.run("up");

    Run differ = console.run("--output", "json", "check");
    JsonNode document = onlyDocument(differ.out());
    assertThat(differ.exitCode()).isEqualTo(1);
    assertThat(document.get("inSync").asBoolean()).isFalse();
    assertThat(texts(document.get("differences"), null)).anySatisfy(line ->
        assertThat(line).contains("add column users.phone_number"));
    assertThat(document.get("error").asString()).isEqualTo("gate_failed");

    db.execute("ALTER TABLE users ADD COLUMN phone_number VARCHAR(20)");
    JsonNode same = json(console, "check");
    assertThat(same.get("inSync").asBoolean()).isTrue();
    assertThat(same.get("differences").isEmpty()).isTrue();
    assertThat(same.has("error")).isFalse();
  }

  @Test
  void lintGivesEachFindingWithItsRuleAndTheSafeWay(TestDatabase db) {
    Console console = console(db);
    console.run("up");
    scripts.write("20251120000000_Drop_phone.sql",
        "-- // Drop phone\nALTER TABLE users DROP COLUMN phone_number;\n-- //@UNDO\n"
            + "ALTER TABLE users ADD COLUMN phone_number VARCHAR(20);\n");

    JsonNode lint = json(console, "lint");
    assertThat(lint.get("command").asString()).isEqualTo("lint");
    assertThat(lint.get("scripts").asInt()).isEqualTo(1);
    JsonNode finding = lint.get("findings").get(0);
    assertThat(finding.get("file").asString()).isEqualTo("20251120000000_Drop_phone.sql");
    assertThat(finding.get("line").asInt()).isEqualTo(2);
    assertThat(finding.get("rule").asString()).isEqualTo("ban-drop-column");
    assertThat(finding.get("effect").asString()).isNotBlank();
    assertThat(finding.get("safeWay").asString()).isNotBlank();
    assertThat(lint.get("allowed").isEmpty()).isTrue();
    assertThat(lint.get("notes").isArray()).isTrue();

    Run strict = console.run("--output", "json", "lint", "--strict");
    JsonNode refused = onlyDocument(strict.out());
    assertThat(strict.exitCode()).isEqualTo(1);
    assertThat(refused.get("findings").size()).isEqualTo(1);
    assertThat(refused.get("error").asString()).isEqualTo("lint_refused");
  }

  @Test
  void stampAndRepairSayWhatTheyRecorded(TestDatabase db) {
    Console console = console(db);
    console.run("up");
    String initial = INITIAL + "_Initial_migration.sql";
    scripts.write(initial, scripts.read(initial) + "\n-- a comment added later\n");

    JsonNode repair = json(console, "repair");
    assertThat(repair.get("command").asString()).isEqualTo("repair");
    assertThat(texts(repair.get("repaired"), null)).containsExactly(INITIAL);

    JsonNode stamp = json(console, "stamp", INITIAL);
    assertThat(stamp.get("current").asString()).isEqualTo(INITIAL);
    assertThat(texts(stamp.get("unmarked"), null)).containsExactly(PHONE);
    assertThat(stamp.get("marked").isEmpty()).isTrue();
    assertThat(stamp.get("alembicRevision").isNull()).isTrue();
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL);
  }

  @Test
  void validateListsEachProblemWithItsKind(TestDatabase db) {
    Console console = console(db);
    console.run("up");

    JsonNode valid = json(console, "validate");
    assertThat(valid.get("valid").asBoolean()).isTrue();
    assertThat(valid.get("scripts").asInt()).isEqualTo(3);

    scripts.delete("20251015093000_Add_phone_number_to_users.sql").write("seed.sql", "SELECT 1;\n");
    JsonNode invalid = json(console, "validate");
    assertThat(invalid.get("exitCode").asInt()).isEqualTo(1);
    assertThat(invalid.get("valid").asBoolean()).isFalse();
    assertThat(invalid.get("error").asString()).isEqualTo("gate_failed");
    assertThat(texts(invalid.get("problems"), "kind")).containsExactlyInAnyOrder("missing", "malformed");
    assertThat(invalid.get("problems").findValuesAsString("file")).contains("seed.sql");
    assertThat(invalid.get("problems").findValuesAsString("id")).contains(PHONE);
  }

  @Test
  void environmentsAreListedAndComparedWithoutPasswords(TestDatabase dev, TestDatabase staging) throws Exception {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    Path folder = Files.createDirectories(dir.resolve("migrations/environments"));
    for (TestDatabase db : List.of(dev, staging)) {
      String name = db == dev ? "development" : "staging";
      Files.writeString(folder.resolve(name + ".properties"), "host=" + db.settings().host() + "\nport="
          + db.settings().port() + "\ndatabase=" + db.name() + "\nusername=postgres\npassword_env=DB_SECRET\n");
    }
    Console console = new Console(dir).with("DB_SECRET", "json-Secret-1").with("POSTGRES_HOST", "localhost");
    console.run("--env", "development", "up");
    console.run("--env", "staging", "up", "1");

    Run envRun = console.run("--output", "json", "--env", "development", "env");
    JsonNode env = onlyDocument(envRun.out());
    assertThat(env.get("current").asString()).isEqualTo("development");
    assertThat(texts(env.get("environments"), "name")).contains("development", "staging");
    assertThat(env.get("environments").findValuesAsString("target")).anySatisfy(target ->
        assertThat(target).contains(staging.name()));
    assertThat(env.get("environments").get(0).has("protected")).isTrue();

    Run matrixRun = console.run("--output", "json", "--env", "development,staging", "status");
    JsonNode matrix = onlyDocument(matrixRun.out());
    assertThat(matrix.get("inSync").asBoolean()).isFalse();
    assertThat(texts(matrix.get("environments"), "name")).containsExactly("development", "staging");
    assertThat(matrix.get("environments").get(1).get("behind").asInt()).isEqualTo(2);
    assertThat(matrix.get("environments").get(1).get("reachable").asBoolean()).isTrue();
    JsonNode phone = matrix.get("migrations").get(2);
    assertThat(phone.get("id").asString()).isEqualTo(PHONE);
    assertThat(phone.get("states").get("development").asString()).isEqualTo("applied");
    assertThat(phone.get("states").get("staging").asString()).isEqualTo("pending");

    Run upAll = console.run("--output", "json", "--env", "development,staging", "up");
    JsonNode runs = onlyDocument(upAll.out());
    assertThat(upAll.exitCode()).isZero();
    assertThat(texts(runs.get("environments"), "name")).containsExactly("development", "staging");
    assertThat(runs.get("environments").get(0).get("run").get("migrations").isEmpty()).isTrue();
    assertThat(texts(runs.get("environments").get(1).get("run").get("migrations"), "id")).containsExactly(INITIAL,
        PHONE);
    assertThat(envRun.out() + matrixRun.out() + upAll.out()).doesNotContain("json-Secret-1");
  }

  @Test
  void failuresAreDocumentsWithAStableCodeAndTheUsualExitCodes(TestDatabase db) {
    Console console = console(db);

    Run unknown = console.run("--output", "json", "show", "20990101");
    JsonNode unknownMigration = onlyDocument(unknown.out());
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknownMigration.get("command").asString()).isEqualTo("show");
    assertThat(unknownMigration.get("error").asString()).isEqualTo("unknown_migration");
    assertThat(unknownMigration.get("message").asString()).startsWith("Can't locate migration \"20990101\"");
    assertThat(unknownMigration.get("exitCode").asInt()).isEqualTo(1);
    assertThat(unknown.err().lines()).containsExactly("Error: " + unknownMigration.get("message").asString());

    console.run("up");
    JsonNode confirmation = json(console, "down", "--to", "base");
    assertThat(confirmation.get("error").asString()).isEqualTo("confirmation_required");
    assertThat(db.appliedIds()).hasSize(3);

    JsonNode typo = json(console, "stauts");
    assertThat(typo.get("error").asString()).isEqualTo("usage");
    assertThat(typo.get("exitCode").asInt()).isEqualTo(2);
    assertThat(typo.get("command").asString()).isEqualTo("stauts");

    Run badGlobal = console.run("--output", "json", "--lock-timeout", "soon", "status");
    assertThat(badGlobal.exitCode()).isEqualTo(2);
    assertThat(onlyDocument(badGlobal.out()).get("error").asString()).isEqualTo("usage");

    JsonNode unreachable = json(console.with("POSTGRES_PORT", Integer.toString(ClosedPort.number())), "status");
    assertThat(unreachable.get("error").asString()).isEqualTo("cannot_connect");
    assertThat(unreachable.get("exitCode").asInt()).isEqualTo(1);
  }

  @Test
  void aLockTimeoutIsADocumentWithItsCode(TestDatabase db) throws Exception {
    Console console = console(db);
    try (MigrationLock held = MigrationLock.acquire(db.connect(), "public.changelog", Duration.ZERO,
        RunListener.NONE)) {
      Run run = console.run("--output", "json", "--lock-timeout", "0", "up");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(onlyDocument(run.out()).get("error").asString()).isEqualTo("lock_timeout");
    }
    assertThat(db.appliedIds()).isEmpty();
  }

  @Test
  void helpGivesTheCommandsUsageInFieldsOfItsOwn(TestDatabase db) {
    JsonNode help = json(console(db), "help", "status");

    assertThat(help.get("command").asString()).isEqualTo("help");
    assertThat(help.has("text")).isFalse();
    assertThat(help.get("name").asString()).isEqualTo("status");
    assertThat(help.get("usage").asString()).contains("Usage: status");
  }

  @Test
  void commandsFromStandardInputGiveOneDocumentPerLine(TestDatabase db) {
    Console console = console(db);

    Run run = console.piped("up 1\ncurrent\nshow 20990101\nstatus\n", "--output", "json");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out().lines()).hasSize(3);
    assertThat(documents(run.out())).extracting(document -> document.get("command").asString())
        .containsExactly("up", "current", "show");
    assertThat(documents(run.out()).get(2).get("error").asString()).isEqualTo("unknown_migration");
  }

  @Test
  void scriptKeepsItsOwnOutputOptionForTheFile(TestDatabase db) throws Exception {
    Console console = console(db);

    Run run = console.run("script", "base", "head", "--output", "all.sql");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readString(dir.resolve("all.sql"))).contains("CREATE TABLE users");
  }
}
