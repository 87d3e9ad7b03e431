package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * `migrate verify`: exit 0 when every migration makes the round trip, 1 naming the migration and the difference,
 * the same as one JSON document; the configured target is only read. The test server stands in as the scratch
 * server ({@code --scratch-url}) except in the one test of the embedded default.
 */
@ExtendWith(PostgresExtension.class)
class VerifyCommandsTest {

  private static final String FORGETFUL = "20251120000000_Index_users_email.sql";

  @TempDir
  Path dir;

  private static String scratchUrl(PostgresServer server) {
    return "postgresql://" + server.user() + ":" + server.password() + "@" + server.host() + ":" + server.port()
        + "/postgres";
  }

  private Console withForgetfulUndo(TestDatabase db) throws Exception {
    Console console = Console.inCheckout(dir, db.settings());
    Files.writeString(dir.resolve("migrations/scripts/" + FORGETFUL), """
        -- // Index users email
        -- migrate:allow require-concurrent-index-creation
        CREATE INDEX ix_users_email_lower ON users (lower(email));
        -- //@UNDO
        SELECT 1;
        """);
    return console;
  }

  @Test
  void theSeedVerifiesOnAnEmbeddedServerOfItsOwnAndTheTargetIsLeftAlone(TestDatabase db) {
    Run run = Console.inCheckout(dir, db.settings()).run("verify");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Verified 3 migration(s) on a scratch database (PostgreSQL ")
        .contains(", embedded)").contains("each applied on sample rows, undone back to the same schema");
    assertThat(db.tables()).isEmpty();
    assertThat(db.changelog()).isEmpty();
    assertThat(Files.exists(dir.resolve(".migrate/verify-template/postgresql.conf"))).isTrue();
  }

  @Test
  void anUndoThatForgetsAnIndexExitsOneNamingTheMigrationAndTheIndex(TestDatabase db, PostgresServer server)
      throws Exception {
    Run run = withForgetfulUndo(db).run("verify", "--scratch-url", scratchUrl(server));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("verify found 1 failure(s)")
        .contains("undo: " + FORGETFUL + ": its undo leaves the schema other than it was before the migration")
        .contains("added index ix_users_email_lower: CREATE INDEX ix_users_email_lower ON public.users");
    assertThat(run.err()).contains("verify: 1 failure(s)").doesNotContain("Exception");
    assertThat(run.out() + run.err()).doesNotContain(server.password());
  }

  @Test
  void theJsonDocumentListsEveryFailureWithItsCheckAndScript(TestDatabase db, PostgresServer server) throws Exception {
    Run run = withForgetfulUndo(db).run("--output", "json", "verify", "--no-data", "--scratch-url", scratchUrl(server));

    JsonNode document = JsonOutputTest.onlyDocument(run.out());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(document.get("passed").asBoolean()).isFalse();
    assertThat(document.get("withData").asBoolean()).isFalse();
    assertThat(document.get("migrations").asInt()).isEqualTo(4);
    assertThat(document.get("roundTrips").asInt()).isEqualTo(3);
    JsonNode failure = document.get("failures").get(0);
    assertThat(failure.get("check").asString()).isEqualTo("undo");
    assertThat(failure.get("script").asString()).isEqualTo(FORGETFUL);
    assertThat(failure.get("details").get(0).asString()).startsWith("added index ix_users_email_lower");
    assertThat(document.get("error").asString()).isEqualTo("gate_failed");
  }

  @Test
  void aScriptOlderThanOneTheTargetAppliedFailsAsOutOfOrder(TestDatabase db, PostgresServer server) throws Exception {
    Console console = Console.inCheckout(dir, db.settings());
    assertThat(console.run("up").exitCode()).isZero();
    String late = "20251010000000_Create_tags.sql";
    Files.writeString(dir.resolve("migrations/scripts/" + late), """
        -- // Create tags
        CREATE TABLE tags (id serial PRIMARY KEY);
        -- //@UNDO
        DROP TABLE tags;
        """);

    Run run = console.run("verify", "--scratch-url", scratchUrl(server));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("out-of-order: " + late + ": it sorts before a migration");
  }

  @Test
  void aScratchUrlThatIsNoPostgresUrlIsRefusedInOneLine(TestDatabase db) {
    Run run = Console.inCheckout(dir, db.settings()).run("verify", "--scratch-url", "mysql://root:secret@host/db");

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err().strip()).startsWith("Error: --scratch-url is not a PostgreSQL URL").doesNotContain("\n")
        .doesNotContain("secret");
  }

  /**
   * A target in schema {@code auth}: {@code up} writes schema.sql built in that schema (index definitions name it),
   * and verify builds the migrations in the same schema, so the file it checks agrees with the one up wrote.
   */
  @Test
  void aTargetInAnotherSchemaGetsTheSchemaFileVerifyAgreesWith(TestDatabase db, PostgresServer server)
      throws Exception {
    db.execute("CREATE SCHEMA auth");
    Console console = Console.inCheckout(dir, db.settings()).with("POSTGRES_SCHEMA", "auth");
    Path settings = dir.resolve("migrations/environments/development.properties");
    Files.createDirectories(settings.getParent());
    Files.writeString(settings, Files.readString(TestScripts.projectRepository()
        .resolve("environments/development.properties")) + "schema_file=true\n");

    Run up = console.run("up");
    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(Files.readString(dir.resolve("migrations/schema.sql"))).contains(" ON auth.");

    Run verify = console.run("verify", "--scratch-url", scratchUrl(server));
    assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    assertThat(verify.out()).contains("Verified 3 migration(s)");
  }

  @Test
  void aRepositoryWithNoDatabaseConfiguredVerifies(PostgresServer server) {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));

    Run run = new Console(dir).run("verify", "--no-models", "--scratch-url", scratchUrl(server));

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("Verified 3 migration(s)").contains("no target database is configured");
  }
}
