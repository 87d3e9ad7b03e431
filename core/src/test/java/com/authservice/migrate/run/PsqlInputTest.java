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
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What psql reads besides SQL: COPY data is run through the CopyManager; meta-commands and variables are refused. */
@ExtendWith(PostgresExtension.class)
class PsqlInputTest {

  private static final String SEED = "20251120000000_Seed_roles.sql";

  /** As pg_dump writes it: tab-separated, \N for null, ending with \. ; the data holds ; and ' of its own. */
  private static final String COPY = "CREATE TABLE roles (id int PRIMARY KEY, name text, note text);\n"
      + "COPY public.roles (id, name, note) FROM stdin;\n"
      + "1\tadmin\tit's; not a statement\n"
      + "2\tmember\t\\N\n"
      + "\\.\n"
      + "INSERT INTO roles VALUES (3, 'guest', 'after the data');\n";

  @TempDir
  Path temp;

  private TestScripts scripts;

  private Migrations atHead(TestDatabase db) {
    scripts = TestScripts.copyOfProjectRepository(temp);
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    migrations.up(Target.head(), RunListener.NONE);
    return migrations;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"", "-- migrate:no-transaction\n"})
  void copyFromStdinWithInlineDataLoadsTheRowsAndTheScriptGoesOnAfterIt(String marker, TestDatabase db) {
    Migrations migrations = atHead(db);
    scripts.write(SEED, "-- // Seed roles\n" + marker + COPY + "-- //@UNDO\nDROP TABLE roles;\n")
        .write("20251120000001_After.sql", "-- // After\nCREATE TABLE after_seed (id int);\n-- //@UNDO\n");

    migrations.up(Target.head(), RunListener.NONE);

    assertThat(db.query("select id || ':' || name || ':' || coalesce(note, 'null') from roles order by id"))
        .containsExactly("1:admin:it's; not a statement", "2:member:null", "3:guest:after the data");
    assertThat(db.appliedIds()).contains("20251120000000", "20251120000001");
  }

  @Test
  void aCopyThatFailsRollsBackTheWholeMigrationWithItsTable(TestDatabase db) {
    Migrations migrations = atHead(db);
    scripts.write(SEED, "-- // Seed roles\n" + COPY.replace("2\tmember", "two\tmember") + "-- //@UNDO\n");

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageContaining(SEED + " line 3: ERROR: invalid input syntax for type integer");
    assertThat(db.query("select 1 from pg_class where relname = 'roles'")).isEmpty();
    assertThat(db.appliedIds()).doesNotContain("20251120000000");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"\\set owner admin", "\\i other.sql", "\\connect other", "SELECT 1 \\gset",
      "SELECT :'owner'", "SELECT * FROM :table", "SELECT :\"column\" FROM roles"})
  void aPsqlCommandIsRefusedBeforeAnythingRunsNamingFileAndLine(String psqlOnly, TestDatabase db) {
    Migrations migrations = atHead(db);
    scripts.write("20251119000000_First.sql", "-- // First\nCREATE TABLE first_one (id int);\n-- //@UNDO\n")
        .write(SEED, "-- // Seed roles\nCREATE TABLE roles (id int);\n" + psqlOnly + ";\n-- //@UNDO\n");

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(MalformedScript.class)
        .hasMessageStartingWith("Malformed migration script " + SEED + ": line 3: ")
        .hasMessageContaining("which only psql understands");
    assertThat(db.query("select 1 from pg_class where relname in ('first_one', 'roles')")).isEmpty();
  }

  @Test
  void castsAssignmentsSlicesAndQuotedBackslashesAreSql(TestDatabase db) {
    Migrations migrations = atHead(db);
    scripts.write(SEED, "-- // Seed roles\nCREATE TABLE roles (id int, tags text[]);\n"
        + "INSERT INTO roles VALUES ('1'::int, ARRAY['a:b', E'c\\\\d']);\n"
        + "SELECT tags[1:1], '\\x' FROM roles;\n"
        + "DO $$ DECLARE n int; BEGIN n := 1; END $$;\n-- //@UNDO\n");

    migrations.up(Target.head(), RunListener.NONE);

    assertThat(db.queryOne("select tags[2] from roles")).isEqualTo("c\\d");
  }
}
