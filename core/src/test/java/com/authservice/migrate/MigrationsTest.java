package com.authservice.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.guard.Confirmation;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class MigrationsTest {

  private static final String CHANGELOG = "20251001000000";
  private static final String INITIAL = "20251001000100";
  private static final String PHONE = "20251015093000";

  /** A script written on a branch merged late: older than the newest applied migration. */
  private static final String SEED_CATEGORIES = """
      -- // Seed categories
      INSERT INTO categories (name) VALUES ('books');
      -- //@UNDO
      DELETE FROM categories WHERE name = 'books';
      """;

  @TempDir
  Path temp;

  private Migrations migrations(TestDatabase db) {
    return new Migrations(new MigrationConfig(db.settings(), TestScripts.copyOfProjectRepository(temp).folder()));
  }

  /** For runs that undo every migration, which need a yes (ChangeGuardTest). */
  private Migrations confirmed(TestDatabase db) {
    return new Migrations(migrations(db).config().confirmingWith(Confirmation.GIVEN));
  }

  @Test
  void statusOfAnEmptyDatabaseListsEveryScriptAsPending(TestDatabase db) {
    StatusReport status = migrations(db).status();

    assertThat(status.migrations()).extracting(m -> m.id().toString()).containsExactly(CHANGELOG, INITIAL, PHONE);
    assertThat(status.migrations()).extracting(MigrationState::state).containsOnly(State.PENDING);
    assertThat(status.current()).isEmpty();
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
  }

  @Test
  void upAppliesEveryPendingMigrationInIdOrder(TestDatabase db) {
    RunResult result = migrations(db).up(Target.head(), RunListener.NONE);

    assertThat(result.direction()).isEqualTo(Direction.UP);
    assertThat(result.migrations()).extracting(m -> m.id().toString()).containsExactly(CHANGELOG, INITIAL, PHONE);
    assertThat(db.changelog()).containsExactly(
        CHANGELOG + "|create changelog", INITIAL + "|Initial migration", PHONE + "|Add phone number to users");
    assertThat(db.tables()).containsExactly("categories", "items", "users");
    assertThat(db.query("select column_name from information_schema.columns "
        + "where table_name = 'users' and column_name = 'phone_number'")).hasSize(1);
  }

  @Test
  void upWithStepsAppliesOnlyThatManyAndStatusShowsTheRestPending(TestDatabase db) {
    Migrations migrations = migrations(db);

    RunResult result = migrations.up(Target.steps(2), RunListener.NONE);

    assertThat(result.migrations()).extracting(m -> m.id().toString()).containsExactly(CHANGELOG, INITIAL);
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL);
    StatusReport status = migrations.status();
    assertThat(status.current()).map(m -> m.id().toString()).contains(INITIAL);
    assertThat(status.inState(State.PENDING)).extracting(m -> m.id().toString()).containsExactly(PHONE);
    assertThat(status.migrations().get(0).appliedAt()).isPresent();
  }

  @Test
  void upAgainChangesNothing(TestDatabase db) {
    Migrations migrations = migrations(db);
    migrations.up(Target.head(), RunListener.NONE);
    List<String> before = db.schemaSnapshot();

    RunResult again = migrations.up(Target.head(), RunListener.NONE);

    assertThat(again.changedNothing()).isTrue();
    assertThat(db.schemaSnapshot()).isEqualTo(before);
    assertThat(db.appliedIds()).hasSize(3);
  }

  @Test
  void downUndoesTheNewestMigrationByDefault(TestDatabase db) {
    Migrations migrations = migrations(db);
    migrations.up(Target.head(), RunListener.NONE);

    RunResult result = migrations.down(Target.steps(1), RunListener.NONE);

    assertThat(result.migrations()).extracting(m -> m.id().toString()).containsExactly(PHONE);
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL);
    assertThat(db.query("select column_name from information_schema.columns "
        + "where table_name = 'users' and column_name = 'phone_number'")).isEmpty();
  }

  @Test
  void downOfEverythingRemovesTablesAndTheChangelog(TestDatabase db) {
    Migrations migrations = confirmed(db);
    migrations.up(Target.head(), RunListener.NONE);

    RunResult result = migrations.down(Target.steps(10), RunListener.NONE);

    assertThat(result.migrations()).extracting(m -> m.id().toString()).containsExactly(PHONE, INITIAL, CHANGELOG);
    assertThat(db.tables()).isEmpty();
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
  }

  @Test
  void upDownUpGivesAnIdenticalSchema(TestDatabase db) {
    Migrations migrations = confirmed(db);
    migrations.up(Target.head(), RunListener.NONE);
    List<String> first = db.schemaSnapshot();

    migrations.down(Target.base(), RunListener.NONE);
    assertThat(db.schemaSnapshot()).isEmpty();
    migrations.up(Target.head(), RunListener.NONE);

    assertThat(db.schemaSnapshot()).isEqualTo(first).isNotEmpty();
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL, PHONE);
  }

  @Test
  void versionGoesUpToTheGivenIdAndBackDown(TestDatabase db) {
    Migrations migrations = migrations(db);

    RunResult forward = migrations.version(INITIAL, RunListener.NONE);
    assertThat(forward.direction()).isEqualTo(Direction.UP);
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL);

    migrations.up(Target.head(), RunListener.NONE);
    RunResult back = migrations.version(INITIAL, RunListener.NONE);
    assertThat(back.direction()).isEqualTo(Direction.DOWN);
    assertThat(back.migrations()).extracting(m -> m.id().toString()).containsExactly(PHONE);
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL);
  }

  @Test
  void versionAcceptsAUniqueIdPrefix(TestDatabase db) {
    migrations(db).version("2025100100010", RunListener.NONE);

    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL);
  }

  @Test
  void versionOfAnOutOfOrderMigrationAppliesExactlyThatOneAndUndoesNothing(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    migrations.up(Target.head(), RunListener.NONE);
    scripts.write("20251005000000_Seed_roles.sql", """
        -- // Seed roles
        CREATE TABLE roles (name VARCHAR(20));
        -- //@UNDO
        DROP TABLE roles;
        """);
    scripts.write("20251010000000_Seed_categories.sql", SEED_CATEGORIES);

    RunResult result = migrations.version("20251010000000", RunListener.NONE);

    assertThat(result.direction()).isEqualTo(Direction.UP);
    assertThat(result.migrations()).extracting(m -> m.id().toString()).containsExactly("20251010000000");
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL, "20251010000000", PHONE);
    assertThat(db.query("select name from categories")).containsExactly("books");
    assertThat(db.tables()).containsExactly("categories", "items", "users");
  }

  @Test
  void pendingAppliesAScriptOlderThanTheNewestAppliedOneThatUpSkips(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    migrations.up(Target.head(), RunListener.NONE);
    scripts.write("20251010000000_Seed_categories.sql", SEED_CATEGORIES);

    assertThat(migrations.status().inState(State.OUT_OF_ORDER)).extracting(m -> m.id().toString())
        .containsExactly("20251010000000");
    RunResult up = migrations.up(Target.head(), RunListener.NONE);
    assertThat(up.migrations()).isEmpty();
    assertThat(up.outOfOrder()).extracting(Migration::fileName).containsExactly("20251010000000_Seed_categories.sql");
    assertThat(db.query("select name from categories")).isEmpty();

    RunResult pending = migrations.pending(RunListener.NONE);

    assertThat(pending.migrations()).extracting(m -> m.id().toString()).containsExactly("20251010000000");
    assertThat(db.query("select name from categories")).containsExactly("books");
    assertThat(migrations.status().isUpToDate()).isTrue();
  }

  @Test
  void listenerHearsEveryMigrationInOrder(TestDatabase db) {
    List<String> heard = new java.util.ArrayList<>();
    migrations(db).up(Target.head(), new RunListener() {
      @Override
      public void started(Direction direction, int total) {
        heard.add("start " + direction + " " + total);
      }

      @Override
      public void migrationFinished(Migration migration, int done, int total) {
        heard.add(done + "/" + total + " " + migration.id());
      }
    });

    assertThat(heard).containsExactly("start UP 3", "1/3 " + CHANGELOG, "2/3 " + INITIAL, "3/3 " + PHONE);
  }

  @Test
  void newMigrationWritesANamedTemplatedScriptThatStatusLists(TestDatabase db) throws Exception {
    Migrations migrations = migrations(db);

    Path script = migrations.newMigration("Populate default categories");

    assertThat(script.getParent()).isEqualTo(temp.resolve("scripts"));
    assertThat(script.getFileName().toString()).matches("\\d{14}_Populate_default_categories\\.sql");
    assertThat(Files.readString(script)).startsWith("-- // Populate default categories\n").contains("-- //@UNDO");
    assertThat(migrations.status().migrations()).last()
        .satisfies(m -> assertThat(m.description()).isEqualTo("Populate default categories"))
        .satisfies(m -> assertThat(m.state()).isEqualTo(State.PENDING));
  }

  @Test
  void newMigrationRejectsAnEmptyDescriptionAndPathsOutOfTheFolder(TestDatabase db) throws Exception {
    Migrations migrations = migrations(db);

    assertThatThrownBy(() -> migrations.newMigration("  ")).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("needs a description");
    assertThatThrownBy(() -> migrations.newMigration("../../etc/evil")).isInstanceOf(InvalidArgument.class);
    assertThatThrownBy(() -> migrations.newMigration("a/b")).isInstanceOf(InvalidArgument.class);
    try (var files = Files.list(temp.resolve("scripts"))) {
      assertThat(files).hasSize(3);
    }
  }

  @Test
  void twoNewMigrationsInTheSameSecondGetDistinctIds(TestDatabase db) {
    Migrations migrations = new Migrations(
        new MigrationConfig(db.settings(), TestScripts.copyOfProjectRepository(temp).folder()),
        java.time.Clock.fixed(java.time.Instant.parse("2026-01-02T03:04:05Z"), java.time.ZoneOffset.UTC));

    Path first = migrations.newMigration("one");
    Path second = migrations.newMigration("two");

    assertThat(first.getFileName().toString()).startsWith("20260102030405_");
    assertThat(second.getFileName().toString()).startsWith("20260102030406_");
  }
}
