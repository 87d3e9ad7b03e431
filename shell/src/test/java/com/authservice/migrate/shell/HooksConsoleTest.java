package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** MyBatis hooks in the environment file, in batch mode: they run with {@code up}; a bad one is one line, exit 1. */
@ExtendWith(PostgresExtension.class)
class HooksConsoleTest {

  @TempDir
  Path dir;

  private Console withHooks(TestDatabase db, String hooks) throws IOException {
    Console console = Console.inCheckout(dir, db.settings());
    Path environment = dir.resolve("migrations/environments/development.properties");
    Files.createDirectories(environment.getParent());
    Files.writeString(environment, Files.readString(TestScripts.projectRepository()
        .resolve("environments/development.properties")) + hooks, StandardCharsets.UTF_8);
    Files.createDirectories(dir.resolve("migrations/hooks"));
    Files.writeString(dir.resolve("migrations/hooks/log.sql"), """
        CREATE TABLE IF NOT EXISTS deploy_log (what TEXT);
        INSERT INTO deploy_log VALUES ('${what}');
        """, StandardCharsets.UTF_8);
    return console;
  }

  @Test
  void upRunsTheHooksOfTheEnvironmentFile(TestDatabase db) throws IOException {
    Console console = withHooks(db, "hook_before_up=sql:log.sql:what=start\nhook_after_up=sql:log.sql:what=done\n");

    Run up = console.run("up");

    assertThat(up.exitCode()).isZero();
    assertThat(db.query("select what from deploy_log")).containsExactly("start", "done");
  }

  @Test
  void aFailingHookIsOneLineNamingItAndExitsOne(TestDatabase db) throws IOException {
    Console console = withHooks(db, "hook_after_each_up=sql:log.sql:what=each\nhook_before_each_up=sql:stop.sql\n");
    Files.writeString(dir.resolve("migrations/hooks/stop.sql"), "SELECT no_such_function();\n");

    Run up = console.run("up");

    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.err().strip()).startsWith("Error: hook_before_each_up (hooks/stop.sql) line 1: ERROR: function "
        + "no_such_function() does not exist").contains("20251001000000_create_changelog.sql were rolled back")
        .doesNotContain("\n").doesNotContain("Exception");
    assertThat(db.changelog()).isEmpty();
  }

  @Test
  void aJavaScriptHookIsRefusedBeforeAnythingRuns(TestDatabase db) throws IOException {
    Console console = withHooks(db, "hook_before_up=js:notify.js\n");

    Run up = console.run("up");

    assertThat(up.exitCode()).isNotZero();
    assertThat(up.err()).contains("hook_before_up=js:notify.js is a JavaScript hook, which this console does not run")
        .doesNotContain("Exception");
    assertThat(db.changelog()).isEmpty();
  }
}
