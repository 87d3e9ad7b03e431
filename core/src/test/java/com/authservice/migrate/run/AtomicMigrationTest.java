package com.authservice.migrate.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import org.assertj.core.api.AbstractThrowableAssert;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each migration and its changelog row commit or roll back together. */
@ExtendWith(PostgresExtension.class)
class AtomicMigrationTest {

  private static final String FILE = "20251101000000_Add_roles.sql";

  /** Five statements of different kinds, one per entry, each starting on the line given. */
  private static final List<String> STATEMENTS = List.of(
      "CREATE TABLE roles (id bigint PRIMARY KEY, name text NOT NULL)",
      "CREATE INDEX ix_roles_name ON roles (name)",
      "INSERT INTO roles VALUES (1, 'admin'), (2, 'member')",
      """
      CREATE FUNCTION role_count() RETURNS bigint AS $$
      BEGIN
        RETURN (SELECT count(*) FROM roles);
      END;
      $$ LANGUAGE plpgsql""",
      "ALTER TABLE users ADD COLUMN role_id bigint REFERENCES roles (id)");

  @TempDir
  Path temp;

  private TestScripts scripts;

  private static String script(int failingStatement) {
    StringBuilder up = new StringBuilder("-- // Add roles\n");
    for (int i = 0; i < STATEMENTS.size(); i++) {
      String statement = STATEMENTS.get(i);
      if (i + 1 == failingStatement) {
        statement = statement.replaceFirst("(?s)^(\\S+ \\S+)", "$1 broken");
      }
      up.append(statement).append(";\n\n");
    }
    return up + "-- //@UNDO\nALTER TABLE users DROP COLUMN role_id;\nDROP FUNCTION role_count();\nDROP TABLE roles;\n";
  }

  private static int lineOf(int statement) {
    int line = 2;
    for (int i = 0; i < statement - 1; i++) {
      line += STATEMENTS.get(i).split("\n").length + 1;
    }
    return line;
  }

  @ParameterizedTest(name = "failure at statement {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5})
  void aFailureAtAnyStatementLeavesSchemaAndChangelogAsBeforeAndAFixedRerunCompletes(int failing, TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    migrations.up(Target.head(), RunListener.NONE);
    List<String> schemaBefore = db.schemaSnapshot();
    List<String> changelogBefore = db.changelog();
    scripts.write(FILE, script(failing));

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageStartingWith(FILE + " line " + lineOf(failing) + ": ERROR: syntax error")
        .satisfies(e -> assertThat(((ScriptFailed) e).line()).isEqualTo(lineOf(failing)));
    assertThat(db.schemaSnapshot()).isEqualTo(schemaBefore);
    assertThat(db.changelog()).isEqualTo(changelogBefore);
    assertThat(db.query("select count(*) from pg_proc where proname = 'role_count'")).containsExactly("0");

    scripts.write(FILE, script(0));
    Migrations fixed = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    assertThat(fixed.up(Target.head(), RunListener.NONE).migrations()).hasSize(1);
    assertThat(db.queryOne("select role_count()")).isEqualTo("2");
  }

  /** The project's migrations applied; {@link #scripts} is where the test adds its own. */
  private Migrations atHead(TestDatabase db) {
    scripts = TestScripts.copyOfProjectRepository(temp);
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    migrations.up(Target.head(), RunListener.NONE);
    return migrations;
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> upFails(Migrations migrations) {
    return assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE)).isInstanceOf(ScriptFailed.class);
  }

  /** Sequences are not transactional: how far {@code attempts} moved is how often the DO block ran. */
  private static final String COUNTS_ITS_RUNS = "DO $$ BEGIN PERFORM nextval('attempts'); END $$;\n";

  private static String timesRun(TestDatabase db) {
    return db.queryOne("select case when is_called then last_value else 0 end from attempts");
  }

  @Test
  void aFailingMigrationRunsEachOfItsStatementsOnceAndNamesTheFailingLine(TestDatabase db) {
    Migrations migrations = atHead(db);
    db.execute("create sequence attempts");
    scripts.write(FILE, "-- // Add roles\n" + COUNTS_ITS_RUNS
        + "CREATE TABLE roles (id int);\nALTER TABLE no_such_table ADD COLUMN x int;\n-- //@UNDO\nDROP TABLE roles;\n");

    upFails(migrations)
        .hasMessageStartingWith(FILE + " line 4: ERROR: relation \"no_such_table\" does not exist");
    assertThat(timesRun(db)).isEqualTo("1");
    assertThat(db.tables()).doesNotContain("roles");
    assertThat(db.appliedIds()).doesNotContain("20251101000000");
  }

  /** pgjdbc syncs a long pipeline part-way (every ~250 statements); the count must carry across. */
  @Test
  void aFailureDeepInALongMigrationRunsNothingTwiceAndNamesItsLine(TestDatabase db) {
    Migrations migrations = atHead(db);
    db.execute("create sequence attempts");
    StringBuilder script = new StringBuilder("-- // Many tables\n" + COUNTS_ITS_RUNS);
    for (int i = 1; i <= 600; i++) {
      script.append(i == 550 ? "CREATE TABLE broken (id no_such_type);\n" : "CREATE TABLE t" + i + " (id int);\n");
    }
    scripts.write(FILE, script + "-- //@UNDO\n");

    upFails(migrations).hasMessageStartingWith(FILE + " line 552: ERROR: type \"no_such_type\" does not exist");
    assertThat(timesRun(db)).isEqualTo("1");
    assertThat(db.tables()).doesNotContain("t1", "t549");
  }

  @Test
  void aLockTimeoutIsReportedAtItsLineAndNotRetried(TestDatabase db) throws Exception {
    Migrations migrations = atHead(db);
    db.execute("create sequence attempts");
    scripts.write(FILE, "-- // Add roles\n" + COUNTS_ITS_RUNS
        + "SET LOCAL lock_timeout = '300ms';\nALTER TABLE users ADD COLUMN role_id bigint;\n-- //@UNDO\n"
        + "ALTER TABLE users DROP COLUMN role_id;\n");

    try (Connection other = db.connect(); Statement holder = other.createStatement()) {
      other.setAutoCommit(false);
      holder.execute("lock table users in access share mode");

      upFails(migrations)
          .hasMessageStartingWith(FILE + " line 4: ERROR: canceling statement due to lock timeout")
          .satisfies(e -> assertThat(((ScriptFailed) e).sqlState()).isEqualTo("55P03"));
      assertThat(timesRun(db)).isEqualTo("1");
      other.rollback();
    }
    assertThat(db.query("select 1 from information_schema.columns where column_name = 'role_id'")).isEmpty();
    assertThat(db.appliedIds()).doesNotContain("20251101000000");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "SELECT 1;\n"})
  void jdbcEscapesAreNotRewrittenOnEitherPath(String rowReturning, TestDatabase db) {
    Migrations migrations = atHead(db);
    scripts.write(FILE, "-- // View\n" + rowReturning + "CREATE VIEW shouted AS SELECT {fn ucase('a')} AS x;\n-- //@UNDO\n");

    upFails(migrations).hasMessageContaining("syntax error at or near \"{\"");
    assertThat(db.query("select 1 from pg_views where viewname = 'shouted'")).isEmpty();
  }

  @Test
  void aFailedNoTransactionScriptSaysWhichStatementsRanAndStay(TestDatabase db) {
    Migrations migrations = atHead(db);
    scripts.write(FILE, """
        -- // Index users
        -- migrate:no-transaction
        CREATE INDEX CONCURRENTLY ix_users_full_name
          ON users (full_name);
        CREATE TABLE roles (id int);
        CREATE INDEX CONCURRENTLY ix_no_such ON no_such_table (x);
        -- //@UNDO
        DROP INDEX CONCURRENTLY ix_users_full_name;
        """);

    upFails(migrations)
        .hasMessageStartingWith(FILE + " line 6: ERROR: relation \"no_such_table\" does not exist")
        .hasMessageContaining("statements 1-2 (lines 3-5) ran and stay applied")
        .hasMessageContaining("not recorded in the changelog")
        .hasMessageContaining("safe to re-run")
        .hasMessageNotContaining("rolled back");
    assertThat(db.query("select indexname from pg_indexes where indexname = 'ix_users_full_name'")).hasSize(1);
    assertThat(db.tables()).contains("roles");
    assertThat(db.appliedIds()).doesNotContain("20251101000000");
  }

  @Test
  void aNoTransactionScriptFailingAtItsFirstStatementSaysNothingRan(TestDatabase db) {
    Migrations migrations = atHead(db);
    scripts.write(FILE, """
        -- // Roles
        -- migrate:no-transaction
        ALTER TABLE no_such_table ADD COLUMN role_id int;
        CREATE TABLE roles (id int);
        -- //@UNDO
        """);

    upFails(migrations)
        .hasMessageStartingWith(FILE + " line 3: ")
        .hasMessageContaining("no statement before it ran")
        .hasMessageNotContaining("rolled back");
    assertThat(db.tables()).doesNotContain("roles");
  }

  @Test
  void aFailingUndoLeavesTheMigrationAppliedAndNamesTheUndoLine(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    scripts.write(FILE, script(0).replace("DROP FUNCTION role_count();", "DROP FUNCTION no_such_function();"));
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    migrations.up(Target.head(), RunListener.NONE);
    List<String> before = db.schemaSnapshot();
    int undoLine = (int) script(0).lines().takeWhile(l -> !l.startsWith("DROP FUNCTION")).count() + 1;

    assertThatThrownBy(() -> migrations.down(Target.steps(1), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageStartingWith(FILE + " line " + undoLine + ": ")
        .hasMessageContaining("no_such_function");
    assertThat(db.schemaSnapshot()).isEqualTo(before);
    assertThat(db.appliedIds()).contains("20251101000000");
  }

  @Test
  void dollarQuotedBodiesWithSemicolonsRunAsOneStatement(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    scripts.write("20251101000000_Touch_trigger.sql", """
        -- // Touch trigger
        CREATE FUNCTION touch_updated_at() RETURNS trigger AS $$
        BEGIN
          NEW.updated_at := now(); -- a semicolon; inside a comment too
          RETURN NEW;
        END;
        $$ LANGUAGE plpgsql;

        CREATE TRIGGER users_touch BEFORE UPDATE ON users
          FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

        DO $body$ BEGIN RAISE NOTICE 'semi;colon'; END $body$;

        -- //@UNDO
        DROP TRIGGER users_touch ON users;
        DROP FUNCTION IF EXISTS touch_updated_at();
        DROP FUNCTION IF EXISTS never_existed();
        """);
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));

    migrations.up(Target.head(), RunListener.NONE);

    assertThat(db.query("select tgname from pg_trigger where tgname = 'users_touch'")).containsExactly("users_touch");
    assertThat(db.queryOne("select prosrc from pg_proc where proname = 'touch_updated_at'"))
        .contains("RETURN NEW;");
    migrations.down(Target.steps(1), RunListener.NONE);
    assertThat(db.query("select 1 from pg_proc where proname = 'touch_updated_at'")).isEmpty();
  }

  @Test
  void theNoTransactionMarkerLetsConcurrentIndexBuildsRun(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    String concurrent = """
        -- // Index users by name
        -- migrate:no-transaction
        CREATE INDEX CONCURRENTLY ix_users_full_name ON users (full_name);
        -- //@UNDO
        DROP INDEX CONCURRENTLY ix_users_full_name;
        """;
    scripts.write("20251101000000_Index_users_by_name.sql", concurrent.replace("-- migrate:no-transaction\n", ""));
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));

    // Refused before it runs (TransactionControlTest), where the server would refuse it with 25001.
    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(MalformedScript.class).hasMessageContaining("cannot run inside a transaction block");

    scripts.write("20251101000000_Index_users_by_name.sql", concurrent);
    Migrations marked = new Migrations(new MigrationConfig(db.settings(), scripts.folder()).ignoringModified(true));
    marked.up(Target.head(), RunListener.NONE);
    assertThat(db.query("select indexname from pg_indexes where indexname = 'ix_users_full_name'")).hasSize(1);
    assertThat(db.appliedIds()).contains("20251101000000");
    marked.down(Target.steps(1), RunListener.NONE);
    assertThat(db.query("select indexname from pg_indexes where indexname = 'ix_users_full_name'")).isEmpty();
  }

  @Test
  void aNoticeFromIfExistsDoesNotFailTheScript(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    scripts.write("20251101000000_Tidy.sql",
        "-- // Tidy\nDROP TABLE IF EXISTS not_there;\n-- //@UNDO\nDROP TABLE IF EXISTS not_there;\n");

    List<String> ran = new ArrayList<>();
    new Migrations(new MigrationConfig(db.settings(), scripts.folder())).up(Target.head(), new RunListener() {
      @Override
      public void migrationFinished(com.authservice.migrate.result.Migration migration, int done, int total) {
        ran.add(migration.fileName());
      }
    });

    assertThat(ran).contains("20251101000000_Tidy.sql");
  }
}
