package com.authservice.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.State;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.Password;
import com.authservice.migrate.testing.ClosedPort;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.Psql;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Offline SQL (script, upgrade/downgrade --sql) holds exactly the migrations asked for and runs on any changelog. */
@ExtendWith(PostgresExtension.class)
class OfflineScriptTest {

  private static final String CHANGELOG = "20251001000000";
  private static final String INITIAL = "20251001000100";
  private static final String PHONE = "20251015093000";

  @TempDir
  Path temp;

  private Migrations migrations(ConnectionSettings settings) {
    return new Migrations(new MigrationConfig(settings, TestScripts.copyOfProjectRepository(temp).folder()));
  }

  @Test
  void oneStepBackAtHeadIsTheUndoOfTheNewestMigrationOnly(TestDatabase db) {
    Migrations migrations = migrations(db.settings());
    migrations.up(Target.head(), RunListener.NONE);

    String sql = migrations.script(Direction.DOWN, 1);

    assertThat(sql).contains("-- 20251015093000_Add_phone_number_to_users.sql")
        .contains("DROP COLUMN phone_number").contains("DELETE FROM public.changelog WHERE id = " + PHONE)
        .doesNotContain("DROP TABLE users").doesNotContain("DROP TABLE changelog")
        .doesNotContain("WHERE id = " + INITIAL).doesNotContain("WHERE id = " + CHANGELOG);
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL, PHONE);
  }

  @Test
  void oneStepForwardIsTheNextPendingMigrationOnly(TestDatabase db) {
    Migrations migrations = migrations(db.settings());
    migrations.up(Target.steps(2), RunListener.NONE);

    String sql = migrations.script(Direction.UP, 1);

    assertThat(sql).contains("-- 20251015093000_Add_phone_number_to_users.sql").contains("ADD COLUMN phone_number")
        .doesNotContain("CREATE TABLE users").doesNotContain("CREATE TABLE changelog")
        .doesNotContain("VALUES (" + CHANGELOG).doesNotContain("VALUES (" + INITIAL);
    assertThat(migrations.script(Direction.DOWN, 1)).contains("WHERE id = " + INITIAL)
        .doesNotContain("WHERE id = " + PHONE).doesNotContain("DROP TABLE changelog");
  }

  @Test
  void stepsWithoutAReachableDatabaseAreRefusedAskingForARange() throws Exception {
    ConnectionSettings nowhere = new ConnectionSettings("localhost", ClosedPort.number(), "auth_service", "postgres",
        new Password("admin"), "public", null);

    assertThatThrownBy(() -> migrations(nowhere).script(Direction.DOWN, 1)).isInstanceOf(StateConflict.class)
        .hasMessageContaining("FROM:TO").hasMessageNotContaining("\n").hasMessageNotContaining("admin");
  }

  @Test
  void aRangeGoingAgainstTheCommandsDirectionIsAUsageError(TestDatabase db) {
    Migrations migrations = migrations(db.settings());

    assertThatThrownBy(() -> migrations.script(Direction.UP, "head", INITIAL)).isInstanceOf(InvalidArgument.class);
    assertThatThrownBy(() -> migrations.script(Direction.DOWN, INITIAL, "head")).isInstanceOf(InvalidArgument.class);
    assertThat(migrations.script(Direction.UP, INITIAL, "head")).contains("ADD COLUMN phone_number")
        .doesNotContain("CREATE TABLE users");
    assertThat(migrations.script(Direction.DOWN, "head", INITIAL)).contains("DROP COLUMN phone_number")
        .doesNotContain("DROP TABLE users");
  }

  @Test
  void anOfflineScriptRunsOnAChangelogTheMyBatisCliCreated(TestDatabase db) {
    db.createChangelogAsTheMyBatisCliDoes();
    Migrations migrations = migrations(db.settings());

    Psql.run(db, migrations.script(CHANGELOG, "head"));

    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL, PHONE);
    assertThat(db.query("select id from changelog where checksum is not null order by id"))
        .containsExactly(INITIAL, PHONE);
    assertThat(db.tables()).containsExactly("categories", "items", "users");
    assertThat(migrations.status().migrations()).extracting(m -> m.state()).containsOnly(State.APPLIED);
  }

  @Test
  void aScriptEndingWithCopyDataRunsInPsqlAsItDoesInUp(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    scripts.write("20251120000000_Seed_tags.sql", "-- // Seed tags\nCREATE TABLE tags (name text);\n"
        + "COPY tags (name) FROM stdin;\nred\ngreen\n\\.\n-- //@UNDO\nDROP TABLE tags;\n");
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));

    Psql.run(db, migrations.script("base", "head"));

    assertThat(db.query("select name from tags order by name")).containsExactly("green", "red");
    assertThat(db.appliedIds()).contains("20251120000000");
  }
}
