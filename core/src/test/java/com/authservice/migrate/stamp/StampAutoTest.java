package com.authservice.migrate.stamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.StampResult;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stamp} with no target on a database one migration short of head: the last migration adds what
 * columns alone do not show (an index, a constraint, rows), so stamping head would mean it never runs.
 */
@ExtendWith(PostgresExtension.class)
class StampAutoTest {

  private static final String CHANGELOG = "20251001000000";
  private static final String CREATE_PETS = "20251002000000";
  private static final String LAST = "20251003000000";
  private static final String PETS = """
      CREATE TABLE pets (id BIGINT NOT NULL PRIMARY KEY, name VARCHAR(40) NOT NULL, weight INTEGER);
      """;

  @TempDir
  Path temp;

  /** The changelog script, one that creates pets, and {@code lastSql} as the head migration. */
  private Migrations migrations(TestDatabase db, String lastSql) {
    TestScripts scripts = TestScripts.withChangelogOnly(temp)
        .write(CREATE_PETS + "_create_pets.sql", "-- // create pets\n" + PETS + "-- //@UNDO\nDROP TABLE pets;\n")
        .write(LAST + "_last.sql", "-- // last\n" + lastSql + "\n-- //@UNDO\n");
    return new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
  }

  /** The database has pets as the second migration builds it: stamp picks that one, and up runs the last. */
  private void stampsCreatePetsAndLeavesTheLastToUp(TestDatabase db, String lastSql) {
    db.execute(PETS);
    Migrations migrations = migrations(db, lastSql);

    StampResult result = migrations.stamp("auto", false);

    assertThat(result.current()).map(Object::toString).contains(CREATE_PETS);
    assertThat(result.differences()).isEmpty();
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, CREATE_PETS);
    assertThat(migrations.up(Target.head(), RunListener.NONE).migrations()).extracting(m -> m.id().toString())
        .containsExactly(LAST);
  }

  @Test
  void aLastMigrationThatAddsAnIndexIsLeftToRun(TestDatabase db) {
    stampsCreatePetsAndLeavesTheLastToUp(db, "CREATE INDEX ix_pets_name ON pets (name);");

    assertThat(db.query("select indexname from pg_indexes where tablename = 'pets' order by 1"))
        .containsExactly("ix_pets_name", "pets_pkey");
  }

  @Test
  void aLastMigrationThatAddsAConstraintIsLeftToRun(TestDatabase db) {
    stampsCreatePetsAndLeavesTheLastToUp(db, "ALTER TABLE pets ADD CONSTRAINT ck_pets_weight CHECK (weight > 0);");

    assertThat(db.query("select conname from pg_constraint where conname = 'ck_pets_weight'")).hasSize(1);
  }

  @Test
  void aLastMigrationThatAddsAUniqueConstraintIsLeftToRun(TestDatabase db) {
    stampsCreatePetsAndLeavesTheLastToUp(db, "ALTER TABLE pets ADD CONSTRAINT uq_pets_name UNIQUE (name);");

    assertThat(db.query("select conname from pg_constraint where conname = 'uq_pets_name'")).hasSize(1);
  }

  @Test
  void theMigrationThatAddsTheIndexIsChosenWhenTheDatabaseHasIt(TestDatabase db) {
    db.execute(PETS + "CREATE INDEX pets_name_idx ON pets (name);");
    Migrations migrations = migrations(db, "CREATE INDEX ix_pets_name ON pets (name);");

    assertThat(migrations.stamp("auto", false).current()).map(Object::toString).contains(LAST);
  }

  @Test
  void aLastMigrationThatOnlyAddsRowsMakesTheMatchAmbiguousAndNothingIsStamped(TestDatabase db) {
    db.execute(PETS);
    Migrations migrations = migrations(db, "INSERT INTO pets VALUES (1, 'rex', 12);");

    assertThatThrownBy(() -> migrations.stamp("auto", false)).isInstanceOf(StateConflict.class)
        .hasMessageContaining(CREATE_PETS).hasMessageContaining(LAST).hasMessageContaining("stamp <id>");
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
    assertThat(db.query("select count(*) from pets")).containsExactly("0");
  }

  @Test
  void scriptsWrittenWithCreateTableIfNotExistsAreCounted(TestDatabase db) {
    db.execute(PETS);
    TestScripts scripts = TestScripts.empty(temp)
        .write(CHANGELOG + "_create_changelog.sql", """
            -- // create changelog
            CREATE TABLE IF NOT EXISTS ${changelog} (ID NUMERIC(20,0) NOT NULL PRIMARY KEY,
              APPLIED_AT VARCHAR(25) NOT NULL, DESCRIPTION VARCHAR(255) NOT NULL);
            -- //@UNDO
            DROP TABLE ${changelog};
            """)
        .write(CREATE_PETS + "_create_pets.sql", "-- // create pets\n" + PETS.replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS")
            + "-- //@UNDO\nDROP TABLE pets;\n")
        .write(LAST + "_last.sql", "-- // last\nCREATE TABLE IF NOT EXISTS toys (id INT);\n-- //@UNDO\nDROP TABLE toys;\n");
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));

    StampResult result = migrations.stamp("auto", false);

    assertThat(result.current()).map(Object::toString).contains(CREATE_PETS);
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, CREATE_PETS);
  }

  @Test
  void aSchemaThatNoMigrationBuildsIsARunTimeRefusal(TestDatabase db) {
    db.execute("CREATE TABLE something_else (id int)");
    Migrations migrations = migrations(db, "CREATE INDEX ix_pets_name ON pets (name);");

    assertThatThrownBy(() -> migrations.stamp("auto", false)).isInstanceOf(StateConflict.class)
        .hasMessageContaining("stamp <id>");
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
  }
}
