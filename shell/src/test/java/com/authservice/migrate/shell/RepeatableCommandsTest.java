package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Repeatable scripts as the console shows them: status, history, up, JSON, new --repeatable, script. */
@ExtendWith(PostgresExtension.class)
class RepeatableCommandsTest {

  private static final String VIEW = "R__active_users_view.sql";

  @TempDir
  Path dir;

  private Console console(TestDatabase db) throws IOException {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    writeRepeatable(VIEW, "CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users;\n");
    return new Console(dir).connectedTo(db.settings());
  }

  private void writeRepeatable(String fileName, String sql) throws IOException {
    Path folder = Files.createDirectories(dir.resolve("migrations/repeatable"));
    Files.writeString(folder.resolve(fileName), sql);
  }

  @Test
  void statusListsRepeatablesAsNewThenUpAppliesThemAfterTheMigrationsAndStatusSaysUpToDate(TestDatabase db)
      throws IOException {
    Console console = console(db);

    Run before = console.run("status");
    Run up = console.run("up");
    Run after = console.run("status");
    writeRepeatable(VIEW, "CREATE OR REPLACE VIEW active_users AS SELECT id FROM users;\n");
    Run changed = console.run("history");

    assertThat(before.out()).contains(VIEW).contains("repeatable: new")
        .contains("`up` applies them once it reaches head");
    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out()).contains("Applied 3 migration(s)").contains("Applied 1 repeatable script(s): " + VIEW);
    assertThat(after.out()).contains("repeatable: up to date").doesNotContain("repeatable: new");
    assertThat(changed.out()).contains("repeatable: changed");
  }

  @Test
  void jsonStatusAndUpNameTheRepeatables(TestDatabase db) throws IOException {
    Console console = console(db);

    JsonNode status = JsonOutputTest.onlyDocument(console.run("--output", "json", "status").out());
    JsonNode up = JsonOutputTest.onlyDocument(console.run("--output", "json", "up").out());
    JsonNode after = JsonOutputTest.onlyDocument(console.run("--output", "json", "status").out());

    assertThat(status.get("repeatables").get(0).get("file").asString()).isEqualTo(VIEW);
    assertThat(status.get("repeatables").get(0).get("description").asString()).isEqualTo("active users view");
    assertThat(status.get("repeatables").get(0).get("state").asString()).isEqualTo("new");
    assertThat(status.get("repeatables").get(0).get("appliedAt").isNull()).isTrue();
    assertThat(up.get("repeatables").get(0).asString()).isEqualTo(VIEW);
    assertThat(after.get("repeatables").get(0).get("state").asString()).isEqualTo("up to date");
  }

  @Test
  void aFailingRepeatableExitsOneWithOneLineNamingItAndNoStackTrace(TestDatabase db) throws IOException {
    Console console = console(db);
    writeRepeatable("R__broken.sql", "CREATE VIEW broken AS SELECT * FROM no_such_table;\n");

    Run up = console.run("up");

    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.err().strip()).startsWith("Error: repeatable/R__broken.sql line 1:").contains("no_such_table")
        .doesNotContain("\n").doesNotContain("at com.");
    assertThat(db.queryOne("select file_name from changelog_repeatable")).isEqualTo(VIEW);
  }

  @Test
  void newRepeatableWritesTheFileAndScriptShowsItAfterTheMigrations(TestDatabase db) throws IOException {
    Console console = console(db);

    Run created = console.run("new", "--repeatable", "grant", "reader");
    Run sql = console.run("script", "base", "head");

    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("R__grant_reader.sql");
    assertThat(dir.resolve("migrations/repeatable/R__grant_reader.sql")).exists();
    assertThat(sql.out()).contains("-- repeatable/" + VIEW).contains("-- repeatable/R__grant_reader.sql")
        .contains("changelog_repeatable");
  }
}
