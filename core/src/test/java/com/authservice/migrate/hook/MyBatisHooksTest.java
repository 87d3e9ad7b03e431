package com.authservice.migrate.hook;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.MyBatisOperations;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.ibatis.migration.Environment;
import org.apache.ibatis.migration.hook.FileHookScriptFactory;
import org.apache.ibatis.migration.hook.FileMigrationHook;
import org.apache.ibatis.migration.hook.MigrationHook;
import org.apache.ibatis.migration.operations.DownOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.apache.ibatis.migration.options.SelectedPaths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A MyBatis repository with SQL hooks, run by MyBatis Migrations 3.5.0 (its UpOperation and DownOperation with the
 * hooks its CLI builds from the environment file) and by the console on two fresh databases: the same changelog and
 * the same hook effects, in the same order.
 */
@ExtendWith(PostgresExtension.class)
class MyBatisHooksTest {

  /**
   * Each hook logs when it ran and which tables existed then: that shows where it ran relative to the migrations.
   * {@code ${log_table}} is a variable of the environment file.
   */
  private static final String LOG = """
      CREATE TABLE IF NOT EXISTS ${log_table} (n SERIAL PRIMARY KEY, what TEXT NOT NULL, tables TEXT);
      INSERT INTO ${log_table} (what, tables) SELECT '%s', string_agg(tablename, ',' ORDER BY tablename)
        FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'hook_log';
      """;

  @TempDir
  Path temp;

  private TestScripts repository(String environment) {
    TestScripts scripts = TestScripts.withChangelogOnly(temp)
        .write("20251101000000_create_a.sql", "-- // create a\nCREATE TABLE a (id INT);\n-- //@UNDO\nDROP TABLE a;\n")
        .write("20251102000000_create_b.sql", "-- // create b\nCREATE TABLE b (id INT);\n-- //@UNDO\nDROP TABLE b;\n");
    write("hooks/log.sql", LOG.formatted("${when} ${what}"));
    write("environments/development.properties", "changelog=changelog\nlog_table=hook_log\n" + environment);
    return scripts;
  }

  /**
   * Every up and down hook, each with a file of its own: MyBatis 3.5.0 puts a hook's {@code name=value} variables
   * into the environment's, so the hooks of one run would all see those of the last hook it read.
   */
  private String everyRunHook() {
    StringBuilder settings = new StringBuilder();
    for (String key : HookSetting.RUN_KEYS) {
      String[] words = key.substring("hook_".length()).split("_(?=up|down)");
      write("hooks/" + key + ".sql", LOG.formatted(words[0] + " " + words[1]));
      settings.append(key).append("=sql:").append(key).append(".sql\n");
    }
    return settings.toString();
  }

  @Test
  void upAndDownRunTheSqlHooksAsMyBatisDoes(TestDatabase ours, TestDatabase myBatis) {
    TestScripts scripts = repository(everyRunHook());
    Migrations migrations = new Migrations(new MigrationConfig(ours.settings(), scripts.folder()));

    migrations.up(Target.head(), RunListener.NONE);
    migrations.down(new Target.Steps(1), RunListener.NONE);
    MyBatisOperations.run(myBatis, scripts.repository(), (connections, loader, options, log) ->
        new UpOperation().operate(connections, loader, options, log, myBatisHook(log, "up")));
    MyBatisOperations.run(myBatis, scripts.repository(), (connections, loader, options, log) ->
        new DownOperation(1).operate(connections, loader, options, log, myBatisHook(log, "down")));

    assertThat(ours.changelog()).containsExactly("20251001000000|create changelog", "20251101000000|create a");
    assertThat(ours.changelog()).isEqualTo(myBatis.changelog());
    assertThat(hookLog(ours)).containsExactly(
        "1|before up|",
        "2|before_each up|",
        "3|after_each up|changelog",
        "4|before_each up|changelog",
        "5|after_each up|a,changelog",
        "6|before_each up|a,changelog",
        "7|after_each up|a,b,changelog",
        "8|after up|a,b,changelog",
        "9|before down|a,b,changelog",
        "10|before_each down|a,b,changelog",
        "11|after_each down|a,changelog",
        "12|after down|a,changelog");
    assertThat(hookLog(ours)).isEqualTo(hookLog(myBatis));
  }

  @Test
  void hooksDoNotRunWhenNothingIsPending(TestDatabase db) {
    TestScripts scripts = repository(everyRunHook());
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    migrations.up(Target.head(), RunListener.NONE);

    migrations.up(Target.head(), RunListener.NONE);

    assertThat(hookLog(db)).hasSize(8);
  }

  @Test
  void eachHookSeesItsOwnVariablesWhereMyBatisLeaksTheLastOnesToAll(TestDatabase db) {
    TestScripts scripts = repository("hook_before_up=sql:log.sql:when=before:what=up\n"
        + "hook_after_up=sql:log.sql:when=after:what=up\n");

    new Migrations(new MigrationConfig(db.settings(), scripts.folder())).up(Target.head(), RunListener.NONE);

    assertThat(db.query("select what from hook_log order by n")).containsExactly("before up", "after up");
  }

  @Test
  void aFailingEachHookRollsItsMigrationBackAndIsNamed(TestDatabase db) {
    TestScripts scripts = repository("hook_before_up=sql:log.sql:when=before:what=up\n"
        + "hook_after_each_up=sql:refuse_b.sql\nhook_after_up=sql:log.sql:when=after:what=up\n");
    write("hooks/refuse_b.sql", "INSERT INTO hook_log (what) VALUES ('after_each');\n"
        + "SELECT 1 / CASE WHEN to_regclass('b') IS NULL THEN 1 ELSE 0 END;\n");
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageStartingWith("hook_after_each_up (hooks/refuse_b.sql) line 2: ERROR: division by zero")
        .hasMessageContaining("The hook and 20251102000000_create_b.sql were rolled back")
        .hasMessageNotContaining("\n");
    assertThat(db.tables()).containsExactly("a", "hook_log");
    assertThat(db.appliedIds()).containsExactly("20251001000000", "20251101000000");
    assertThat(db.query("select what from hook_log order by n"))
        .containsExactly("before up", "after_each", "after_each");
  }

  @Test
  void aFailingBeforeHookRunsNoMigration(TestDatabase db) {
    TestScripts scripts = repository("hook_before_up=sql:broken.sql\n");
    write("hooks/broken.sql", "CREATE TABLE early (id INT);\nINSERT INTO nowhere VALUES (1);\n");

    assertThatThrownBy(() -> new Migrations(new MigrationConfig(db.settings(), scripts.folder()))
        .up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageStartingWith("hook_before_up (hooks/broken.sql) line 2: ERROR: relation \"nowhere\" does not exist")
        .hasMessageContaining("no migration ran");
    assertThat(db.tables()).isEmpty();
    assertThat(db.changelog()).isEmpty();
  }

  @Test
  void aJavaScriptHookRefusesTheRunBeforeAnythingRuns(TestDatabase db) {
    TestScripts scripts = repository("hook_after_each_up=js:notify.js\n");

    assertThatThrownBy(() -> new Migrations(new MigrationConfig(db.settings(), scripts.folder()))
        .up(Target.head(), RunListener.NONE))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("environments/development.properties: hook_after_each_up=js:notify.js is a JavaScript hook, "
            + "which this console does not run: rewrite it as an SQL hook (sql:<file>.sql), or run this repository "
            + "with MyBatis' own migrate command");
    assertThat(db.tables()).isEmpty();
    assertThat(db.changelog()).isEmpty();
  }

  @Test
  void aHookWhoseFileIsMissingRefusesTheRun(TestDatabase db) {
    TestScripts scripts = repository("hook_before_each_up=sql:missing.sql\n");

    assertThatThrownBy(() -> new Migrations(new MigrationConfig(db.settings(), scripts.folder()))
        .up(Target.head(), RunListener.NONE))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("hook_before_each_up names hooks/missing.sql, which does not exist");
    assertThat(db.changelog()).isEmpty();
  }

  @Test
  void offlineSqlSaysWhichHooksItLeavesOutAsMyBatisScriptLeavesThemOut(TestDatabase db) {
    TestScripts scripts = repository("hook_before_up=sql:log.sql:when=before:what=up\n"
        + "hook_after_each_up=sql:log.sql:when=after_each:what=up\nhook_after_down=sql:log.sql\n");

    String sql = new Migrations(new MigrationConfig(db.settings(), scripts.folder())).script("base", "head");

    assertThat(sql).contains("\n-- Not included: hook_before_up (hooks/log.sql), hook_after_each_up (hooks/log.sql). "
        + "MyBatis' script leaves SQL hooks out too: run them around this script by hand.\n")
        .doesNotContain("hook_log");
  }

  /** The hook MyBatis' CLI builds from the environment file for {@code up} or {@code down}. */
  private MigrationHook myBatisHook(PrintStream log, String direction) {
    SelectedPaths paths = new SelectedPaths();
    paths.setBasePath(temp.toFile());
    Environment environment = new Environment(temp.resolve("environments/development.properties").toFile());
    FileHookScriptFactory factory = new FileHookScriptFactory(paths, environment, log);
    return direction.equals("up")
        ? new FileMigrationHook(factory.create(environment.getHookBeforeUp()),
            factory.create(environment.getHookBeforeEachUp()), factory.create(environment.getHookAfterEachUp()),
            factory.create(environment.getHookAfterUp()))
        : new FileMigrationHook(factory.create(environment.getHookBeforeDown()),
            factory.create(environment.getHookBeforeEachDown()), factory.create(environment.getHookAfterEachDown()),
            factory.create(environment.getHookAfterDown()));
  }

  private static java.util.List<String> hookLog(TestDatabase db) {
    return db.query("select n, what, coalesce(tables, '') from hook_log order by n");
  }

  private void write(String path, String content) {
    try {
      Files.createDirectories(temp.resolve(path).getParent());
      Files.writeString(temp.resolve(path), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
