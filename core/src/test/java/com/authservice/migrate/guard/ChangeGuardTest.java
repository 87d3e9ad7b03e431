package com.authservice.migrate.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.ConfirmationRequired;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every changing operation passes one guard once its plan is known: undoing every applied migration, however
 * the target is written, and any change to a protected environment go ahead only when confirmed.
 */
@ExtendWith(PostgresExtension.class)
class ChangeGuardTest {

  private static final String PHONE = "20251015093000";

  @TempDir
  Path temp;

  private TestScripts scripts;

  private MigrationConfig config(TestDatabase db) {
    if (scripts == null) {
      scripts = TestScripts.copyOfProjectRepository(temp);
    }
    return new MigrationConfig(db.settings(), scripts.folder());
  }

  @Test
  void undoingEveryAppliedMigrationNeedsConfirmationHoweverTheTargetIsWritten(TestDatabase db) {
    Migrations migrations = new Migrations(config(db));
    migrations.up(Target.head(), RunListener.NONE);

    refusedLeavingTheDatabaseAsItWas(db, () -> migrations.down(Target.steps(99), RunListener.NONE));
    refusedLeavingTheDatabaseAsItWas(db, () -> migrations.down(Target.steps(3), RunListener.NONE));
    refusedLeavingTheDatabaseAsItWas(db, () -> migrations.down(Target.base(), RunListener.NONE));
    assertThatThrownBy(() -> migrations.down(Target.steps(99), RunListener.NONE))
        .hasMessageContaining("all 3 applied migrations").hasMessageContaining("pass --yes");

    migrations.down(Target.steps(2), RunListener.NONE);
    assertThat(db.appliedIds()).hasSize(1);
    refusedLeavingTheDatabaseAsItWas(db, () -> migrations.down(Target.steps(1), RunListener.NONE));
  }

  @Test
  void aConfirmedRunUndoesEverythingAndWasAskedExactlyOnce(TestDatabase db) {
    List<String> asked = new ArrayList<>();
    Migrations migrations = new Migrations(config(db).confirmingWith(asked::add));
    migrations.up(Target.head(), RunListener.NONE);

    migrations.down(Target.steps(99), RunListener.NONE);

    assertThat(asked).singleElement().asString().contains("Undoing all 3 applied migrations")
        .contains(db.settings().target());
    assertThat(db.tables()).isEmpty();
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
  }

  @Test
  void everyChangingOperationOnAProtectedEnvironmentPassesTheGuard(TestDatabase db) {
    new Migrations(config(db)).up(Target.steps(2), RunListener.NONE);
    Migrations production = new Migrations(config(db).protectedAs("production"));
    // Stamp finds its own target before the guard asks: with only schema changes in the scripts, it finds one.
    refusedLeavingTheDatabaseAsItWas(db, () -> production.stamp("auto", false));
    scripts.write("20251010000000_Seed_categories.sql",
        "-- // Seed categories\nINSERT INTO categories (name) VALUES ('books');\n-- //@UNDO\n"
            + "DELETE FROM categories WHERE name = 'books';\n");

    refusedLeavingTheDatabaseAsItWas(db, () -> production.up(Target.head(), RunListener.NONE));
    refusedLeavingTheDatabaseAsItWas(db, () -> production.down(Target.steps(1), RunListener.NONE));
    refusedLeavingTheDatabaseAsItWas(db, () -> production.version(PHONE, RunListener.NONE));
    refusedLeavingTheDatabaseAsItWas(db, () -> production.version("20251001000000", RunListener.NONE));
    refusedLeavingTheDatabaseAsItWas(db, () -> production.pending(RunListener.NONE));
    refusedLeavingTheDatabaseAsItWas(db, () -> production.stamp("head", false));
    assertThatThrownBy(() -> production.up(Target.head(), RunListener.NONE))
        .hasMessageContaining("protected environment production").hasMessageContaining("pass --yes");

    scripts.write("20251001000100_Initial_migration.sql",
        scripts.read("20251001000100_Initial_migration.sql") + "\n-- a harmless comment\n");
    List<String> checksums = db.query("select checksum from changelog order by id");
    assertThatThrownBy(production::repair).isInstanceOf(ConfirmationRequired.class);
    assertThat(db.query("select checksum from changelog order by id")).isEqualTo(checksums);
  }

  @Test
  void aProtectedEnvironmentChangesOnceConfirmedAndAsksNothingWhenNothingChanges(TestDatabase db) {
    List<String> asked = new ArrayList<>();
    Migrations production = new Migrations(config(db).protectedAs("production").confirmingWith(asked::add));

    production.up(Target.head(), RunListener.NONE);
    production.up(Target.head(), RunListener.NONE);

    assertThat(db.appliedIds()).hasSize(3);
    assertThat(asked).singleElement().asString().contains("Applying 3 migrations")
        .contains("protected environment production");
  }

  private static void refusedLeavingTheDatabaseAsItWas(TestDatabase db, ThrowingCallable change) {
    List<String> changelog = db.changelog();
    List<String> schema = db.schemaSnapshot();

    assertThatThrownBy(change).isInstanceOf(ConfirmationRequired.class);

    assertThat(db.changelog()).isEqualTo(changelog);
    assertThat(db.schemaSnapshot()).isEqualTo(schema);
  }
}
