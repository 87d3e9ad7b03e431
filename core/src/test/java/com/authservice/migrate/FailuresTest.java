package com.authservice.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.errors.AmbiguousMigration;
import com.authservice.migrate.errors.AuthenticationFailed;
import com.authservice.migrate.errors.CannotConnect;
import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.errors.ScriptsModified;
import com.authservice.migrate.errors.UnknownDatabase;
import com.authservice.migrate.errors.UnknownMigration;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.State;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.Password;
import com.authservice.migrate.testing.ClosedPort;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Every typed failure is produced, reads as one actionable line, and leaves the database as it was. */
@ExtendWith(PostgresExtension.class)
class FailuresTest {

  private static final String INITIAL_FILE = "20251001000100_Initial_migration.sql";
  private static final String PHONE_FILE = "20251015093000_Add_phone_number_to_users.sql";

  @TempDir
  Path temp;

  private TestScripts scripts;

  private Migrations migrations(ConnectionSettings settings) {
    if (scripts == null) {
      scripts = TestScripts.copyOfProjectRepository(temp);
    }
    return new Migrations(new MigrationConfig(settings, scripts.folder()));
  }

  @Test
  void connectionRefusedNamesHostPortAndTheDockerHint() throws Exception {
    int closedPort = ClosedPort.number();
    ConnectionSettings nowhere = new ConnectionSettings("localhost", closedPort, "auth_service", "postgres",
        new Password("admin"), "public", null);

    assertThatThrownBy(() -> migrations(nowhere).status()).isInstanceOf(CannotConnect.class)
        .hasMessageContaining("localhost:" + closedPort)
        .hasMessageContaining("auth-db:5432").hasMessageContaining("localhost:5435")
        .hasMessageNotContaining("admin").hasMessageNotContaining("\n");
  }

  @Test
  void wrongPasswordSaysSoWithoutShowingIt(TestDatabase db) {
    ConnectionSettings user = db.createUser("app_user", "right-password");
    ConnectionSettings wrong = new ConnectionSettings(user.host(), user.port(), user.database(), user.user(),
        new Password("wrong-password"), "public", null);

    assertThatThrownBy(() -> migrations(wrong).up(Target.head(), RunListener.NONE))
        .isInstanceOf(AuthenticationFailed.class)
        .hasMessageContaining("app_user").hasMessageContaining("POSTGRES_PASSWORD")
        .hasMessageNotContaining("wrong-password").hasMessageNotContaining("right-password");
    assertThat(db.tables()).isEmpty();
  }

  @Test
  void unknownDatabaseNamesTheDatabaseAndTheFix(TestDatabase db) {
    assertThatThrownBy(() -> migrations(db.settings().withDatabase("no_such_db")).status())
        .isInstanceOf(UnknownDatabase.class)
        .hasMessageContaining("\"no_such_db\"").hasMessageContaining("POSTGRES_DB");
  }

  @Test
  void missingPermissionStopsTheMigrationAndSaysWhatToGrant(TestDatabase db) {
    ConnectionSettings user = db.createUser("reader", "pw");

    assertThatThrownBy(() -> migrations(user).up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageContaining("permission denied").hasMessageContaining("grant");
    assertThat(db.tables()).isEmpty();
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
  }

  @Test
  void unknownIdChangesNothing(TestDatabase db) {
    Migrations migrations = migrations(db.settings());
    migrations.up(Target.steps(2), RunListener.NONE);

    assertThatThrownBy(() -> migrations.version("20990101000000", RunListener.NONE))
        .isInstanceOf(UnknownMigration.class)
        .hasMessageContaining("Can't locate migration \"20990101000000\"").hasMessageContaining("status");
    assertThat(db.appliedIds()).hasSize(2);
  }

  @Test
  void anAmbiguousPrefixListsTheCandidates(TestDatabase db) {
    assertThatThrownBy(() -> migrations(db.settings()).version("2025100100", RunListener.NONE))
        .isInstanceOf(AmbiguousMigration.class)
        .hasMessageContaining("20251001000000").hasMessageContaining("20251001000100");
    assertThat(db.appliedIds()).isEmpty();
  }

  @Test
  void aMissingScriptOfAnAppliedMigrationIsReportedAndBlocksChanges(TestDatabase db) {
    Migrations migrations = migrations(db.settings());
    migrations.up(Target.head(), RunListener.NONE);
    List<String> before = db.schemaSnapshot();
    scripts.delete(PHONE_FILE);

    assertThat(migrations.status().inState(State.MISSING)).extracting(m -> m.id().toString())
        .containsExactly("20251015093000");
    assertThatThrownBy(() -> migrations.down(Target.steps(1), RunListener.NONE))
        .isInstanceOf(ScriptsModified.class).hasMessageContaining("no script for applied migration 20251015093000");
    assertThat(db.schemaSnapshot()).isEqualTo(before);
    assertThat(db.appliedIds()).hasSize(3);
  }

  @Test
  void aBadFileNameIsRefusedBeforeAnythingRuns(TestDatabase db) {
    migrations(db.settings());
    scripts.write("add_users.sql", "create table x (id int);");

    assertThatThrownBy(() -> migrations(db.settings()).up(Target.head(), RunListener.NONE))
        .isInstanceOf(MalformedScript.class).hasMessageContaining("add_users.sql")
        .hasMessageContaining("<digits>_<description>.sql");
    assertThat(db.tables()).isEmpty();
  }

  @Test
  void aDuplicateIdIsRefusedBeforeAnythingRuns(TestDatabase db) {
    migrations(db.settings());
    scripts.write("20251015093000_Other_change.sql", "-- // other\nselect 1;\n-- //@UNDO\n");

    assertThatThrownBy(() -> migrations(db.settings()).up(Target.head(), RunListener.NONE))
        .isInstanceOf(MalformedScript.class).hasMessageContaining("same id 20251015093000");
    assertThat(db.tables()).isEmpty();
  }

  @Test
  void aMisspelledUndoMarkerIsRefusedBeforeAnyMigrationOfTheRunApplies(TestDatabase db) {
    migrations(db.settings());
    scripts.write("20251101000000_Add_roles.sql", """
        -- // Add roles
        CREATE TABLE roles (id int);
        -- @UNDO
        DROP TABLE roles;
        """);

    assertThatThrownBy(() -> migrations(db.settings()).up(Target.head(), RunListener.NONE))
        .isInstanceOf(MalformedScript.class).hasMessageContaining("20251101000000_Add_roles.sql")
        .hasMessageContaining("-- //@UNDO");
    assertThat(db.tables()).isEmpty();
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
  }

  @Test
  void downRefusesAScriptWithoutUndoSectionAndKeepsItsChangelogRow(TestDatabase db) {
    Migrations migrations = migrations(db.settings());
    scripts.write("20251101000000_Add_roles.sql", "-- // Add roles\nCREATE TABLE roles (id int);\n");
    migrations.up(Target.head(), RunListener.NONE);

    assertThatThrownBy(() -> migrations.down(Target.steps(1), RunListener.NONE))
        .isInstanceOf(MalformedScript.class).hasMessageContaining("no -- //@UNDO section");
    assertThat(db.appliedIds()).contains("20251101000000");
    assertThat(db.tables()).contains("roles");
  }

  @Test
  void aFailingStatementNamesFileLineAndMessageAndLeavesThatMigrationUnapplied(TestDatabase db) {
    Migrations migrations = migrations(db.settings());
    migrations.up(Target.head(), RunListener.NONE);
    List<String> before = db.schemaSnapshot();
    scripts.write("20251101000000_Add_roles.sql", """
        -- // Add roles
        CREATE TABLE roles (id int);

        ALTER TABLE no_such_table ADD COLUMN x int;
        -- //@UNDO
        DROP TABLE roles;
        """);

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageStartingWith("20251101000000_Add_roles.sql line 4: ")
        .hasMessageContaining("relation \"no_such_table\" does not exist")
        .hasMessageContaining("rolled back");
    assertThat(db.schemaSnapshot()).isEqualTo(before);
    assertThat(db.appliedIds()).hasSize(3);
  }

  @Test
  void anEditedAppliedScriptIsModifiedAndBlocksChangesUntilRepairedOrOverridden(TestDatabase db) {
    Migrations migrations = migrations(db.settings());
    migrations.up(Target.steps(2), RunListener.NONE);
    scripts.write(INITIAL_FILE, scripts.read(INITIAL_FILE).replace("VARCHAR(100)", "VARCHAR(120)"));

    assertThat(migrations.status().inState(State.MODIFIED)).extracting(m -> m.fileName().orElseThrow())
        .containsExactly(INITIAL_FILE);
    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptsModified.class).hasMessageContaining(INITIAL_FILE + " was modified")
        .hasMessageContaining("repair").hasMessageContaining("--ignore-modified");
    assertThat(db.appliedIds()).hasSize(2);

    Migrations overriding = new Migrations(migrations.config().ignoringModified(true));
    overriding.up(Target.steps(1), RunListener.NONE);
    assertThat(db.appliedIds()).hasSize(3);

    assertThat(migrations.repair().accepted()).extracting(Object::toString).containsExactly("20251001000100");
    assertThat(migrations.status().inState(State.MODIFIED)).isEmpty();
    migrations.down(Target.steps(1), RunListener.NONE);
    assertThat(db.appliedIds()).hasSize(2);
  }

  @Test
  void lineEndingChangesDoNotCountAsModification(TestDatabase db) {
    Migrations migrations = migrations(db.settings());
    migrations.up(Target.head(), RunListener.NONE);
    scripts.write(INITIAL_FILE, scripts.read(INITIAL_FILE).replace("\n", "\r\n"));

    assertThat(migrations.status().inState(State.MODIFIED)).isEmpty();
    migrations.down(Target.steps(1), RunListener.NONE);
    assertThat(db.appliedIds()).hasSize(2);
  }

  @Test
  void aChangelogWrittenByTheMyBatisCliWithoutChecksumsIsReadAsApplied(TestDatabase db) {
    db.createChangelogAsTheMyBatisCliDoes();

    assertThat(migrations(db.settings()).status().migrations()).extracting(m -> m.state())
        .containsExactly(State.APPLIED, State.PENDING, State.PENDING);
    migrations(db.settings()).up(Target.head(), RunListener.NONE);
    assertThat(db.appliedIds()).hasSize(3);
    assertThat(db.query("select count(*) from changelog where checksum is null")).containsExactly("1");
  }
}
