package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code check --drift} and the schema file from the console: the schema the migrations produce is built on the
 * console's own throw-away embedded PostgreSQL, the target is the test server's database.
 */
@ExtendWith(PostgresExtension.class)
class DriftCommandTest {

  @TempDir
  Path dir;

  @Test
  void checkDriftNamesAHandMadeColumnAndADroppedIndexAndExitsOne(TestDatabase db) {
    Console console = Console.inCheckout(dir, db.settings());
    assertThat(console.run("up").exitCode()).isZero();
    Run clean = console.run("check", "--drift");
    assertThat(clean.exitCode()).as(clean.err()).isZero();
    assertThat(clean.out()).contains("No drift").contains("3 applied migration(s)");

    db.execute("ALTER TABLE users ADD COLUMN nickname varchar(40); DROP INDEX ix_items_owner_id");
    Run drift = console.run("check", "--drift");

    assertThat(drift.exitCode()).isEqualTo(1);
    assertThat(drift.out())
        .contains("added by hand: column users.nickname")
        .contains("dropped by hand: index ix_items_owner_id");
    assertThat(drift.err()).contains("check --drift").doesNotContain("Exception");
    assertThat(db.appliedIds()).hasSize(3);
  }

  @Test
  void checkDriftAsJson(TestDatabase db) throws Exception {
    Console console = Console.inCheckout(dir, db.settings());
    console.run("up");
    db.execute("ALTER TABLE users ALTER COLUMN full_name TYPE text");

    Run run = console.run("--output", "json", "check", "--drift");

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode document = JsonMapper.builder().build().readTree(run.out());
    assertThat(document.get("command").asString()).isEqualTo("check");
    assertThat(document.get("drift").asBoolean()).isTrue();
    assertThat(document.get("applied").asInt()).isEqualTo(3);
    assertThat(document.get("added").size()).isZero();
    assertThat(document.get("dropped").size()).isZero();
    JsonNode changed = document.get("changed").get(0);
    assertThat(changed.get("object").asString()).isEqualTo("column users.full_name");
    assertThat(changed.get("migrations").asString()).contains("full_name character varying(255)");
    assertThat(changed.get("database").asString()).contains("full_name text");
    assertThat(document.get("exitCode").asInt()).isEqualTo(1);
  }

  @Test
  void checkDriftLooksAtTheEnvironmentNamedWithEnvAndWritesNothingThere(TestDatabase db, TestDatabase staging)
      throws Exception {
    Console console = Console.inCheckout(dir, db.settings());
    Files.createDirectories(dir.resolve("migrations/environments"));
    Files.writeString(dir.resolve("migrations/environments/staging.properties"), "url=jdbc:postgresql://"
        + staging.settings().host() + ":" + staging.settings().port() + "/" + staging.name()
        + "\nusername=" + staging.settings().user() + "\npassword=${POSTGRES_PASSWORD}\n");
    assertThat(console.run("up").exitCode()).isZero();
    assertThat(console.run("--env", "staging", "up").exitCode()).isZero();
    staging.execute("CREATE INDEX ix_users_full_name ON users (full_name)");
    List<String> changelog = staging.query("select * from changelog order by id");

    Run defaultTarget = console.run("check", "--drift");
    Run stagingTarget = console.run("check", "--drift", "--env", "staging");

    assertThat(defaultTarget.exitCode()).as(defaultTarget.err()).isZero();
    assertThat(stagingTarget.exitCode()).as(stagingTarget.err()).isEqualTo(1);
    assertThat(stagingTarget.out()).startsWith("staging:").contains("added by hand: index ix_users_full_name");
    assertThat(staging.query("select * from changelog order by id")).isEqualTo(changelog);
    Run models = console.run("check", "--drift", "--models", "com.authservice.domain");
    assertThat(models.exitCode()).isEqualTo(2);
    assertThat(models.err()).contains("drop --models and --exclude");
  }

  @Test
  void theSchemaFileFollowsUpAndAutogenerateWhenTheRepositoryTurnsItOn(TestDatabase db) throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    scripts.delete("20251015093000_Add_phone_number_to_users.sql");
    turnOnSchemaFile("schema_file=true");
    Console console = new Console(dir).connectedTo(db.settings());
    Path schemaFile = dir.resolve("migrations/schema.sql");

    Run up = console.run("up");
    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.err()).contains("Wrote " + schemaFile);
    assertThat(Files.readString(schemaFile)).contains("CREATE TABLE users;").doesNotContain("phone_number");
    byte[] afterUp = Files.readAllBytes(schemaFile);

    Run again = console.run("up");
    assertThat(again.err()).doesNotContain("Wrote");
    assertThat(Files.readAllBytes(schemaFile)).isEqualTo(afterUp);

    Run generated = console.run("new", "--autogenerate", "Add phone_number to users");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    assertThat(Files.readString(schemaFile)).contains("ALTER TABLE users ADD COLUMN phone_number character varying(20);");
  }

  @Test
  void aSchemaFileSettingThatIsNeitherYesNorNoStopsUpBeforeItRuns(TestDatabase db) throws Exception {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    turnOnSchemaFile("schema_file=sometimes");
    Console console = new Console(dir).connectedTo(db.settings());

    Run up = console.run("up");

    assertThat(up.exitCode()).as(up.err()).isEqualTo(2);
    assertThat(up.err().strip()).isEqualTo("Error: schema_file takes true/false, yes/no, on/off or 1/0, not \"sometimes\" "
        + "(in the repository's environments/*.properties)");
    assertThat(db.changelog()).isEmpty();
    assertThat(dir.resolve("migrations/schema.sql")).doesNotExist();
  }

  private void turnOnSchemaFile(String line) throws Exception {
    Path settings = dir.resolve("migrations/environments/development.properties");
    Files.createDirectories(settings.getParent());
    Files.writeString(settings, Files.readString(TestScripts.projectRepository()
        .resolve("environments/development.properties")) + line + "\n");
  }
}
