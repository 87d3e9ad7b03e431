package com.authservice.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.domain.AuthModels;
import com.authservice.migrate.autogenerate.GeneratedScript;
import com.authservice.migrate.errors.PermissionDenied;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.guard.Confirmation;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.State;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.Psql;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code POSTGRES_SCHEMA=auth}: scripts, changelog, check, autogenerate, stamp and offline SQL all use that schema. */
@ExtendWith(PostgresExtension.class)
class NonPublicSchemaTest {

  private static final String INITIAL = "20251001000100";
  private static final List<String> TABLES = List.of("categories", "changelog", "items", "users");

  @TempDir
  Path temp;

  private static List<String> tables(TestDatabase db, String schema) {
    return db.query("select table_name from information_schema.tables where table_schema = '" + schema
        + "' order by 1");
  }

  @Test
  void aChangingCommandOnAMissingSchemaSaysToCreateItAndChangesNothing(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    Migrations migrations = new Migrations(new MigrationConfig(db.settings().withSchema("auth"), scripts.folder()));

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(StateConflict.class)
        .hasMessageContaining("Schema \"auth\" does not exist").hasMessageContaining("CREATE SCHEMA auth")
        .hasMessageContaining("POSTGRES_SCHEMA").hasMessageNotContaining("\n");
    assertThat(tables(db, "public")).isEmpty();
    assertThat(db.query("select 1 from pg_namespace where nspname = 'auth'")).isEmpty();
  }

  @Test
  void aSchemaTheUserMayNotUseIsRefusedBeforeAnythingRuns(TestDatabase db) {
    db.execute("CREATE SCHEMA auth");
    ConnectionSettings user = db.createUser("schema_outsider", "pw").withSchema("auth");
    Migrations migrations = new Migrations(new MigrationConfig(user, TestScripts.copyOfProjectRepository(temp).folder()));

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(PermissionDenied.class).hasMessageContaining("\"schema_outsider\" may not use schema auth");
    assertThat(tables(db, "auth")).isEmpty();
    assertThat(tables(db, "public")).isEmpty();
  }

  @Test
  void aJdbcUrlThatPutsAnotherSchemaFirstIsRefusedBeforeAnythingRuns(TestDatabase db) {
    db.execute("CREATE SCHEMA other");
    ConnectionSettings plain = db.settings();
    ConnectionSettings viaUrl = new ConnectionSettings(plain.host(), plain.port(), plain.database(), plain.user(),
        plain.password(), "public", "jdbc:postgresql://" + plain.hostAndPort() + "/" + plain.database()
            + "?currentSchema=other");
    Migrations migrations = new Migrations(new MigrationConfig(viaUrl, TestScripts.copyOfProjectRepository(temp)
        .folder()));

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(StateConflict.class).hasMessageContaining("starts with schema \"other\"")
        .hasMessageContaining("POSTGRES_SCHEMA=public");
    assertThat(tables(db, "other")).isEmpty();
    assertThat(tables(db, "public")).isEmpty();
  }

  @Test
  void theWholeWorkflowStaysInTheConfiguredSchema(TestDatabase db, TestDatabase viaPsql) throws Exception {
    db.execute("CREATE SCHEMA auth");
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    scripts.delete("20251015093000_Add_phone_number_to_users.sql");
    Migrations migrations = new Migrations(new MigrationConfig(db.settings().withSchema("auth"), scripts.folder()));

    migrations.up(Target.head(), RunListener.NONE);
    assertThat(tables(db, "auth")).isEqualTo(TABLES);
    assertThat(migrations.status().isUpToDate()).isTrue();
    assertThat(migrations.current().current()).map(m -> m.id().toString()).contains(INITIAL);

    GeneratedScript generated = migrations.autogenerate("Add phone_number to users", AuthModels.ALL);
    assertThat(generated.autogeneration().summary()).containsExactly("add column users.phone_number");
    migrations.up(Target.head(), RunListener.NONE);
    assertThat(migrations.check(AuthModels.ALL).isEmpty()).isTrue();
    assertThat(db.query("select table_schema from information_schema.columns where column_name = 'phone_number'"))
        .containsExactly("auth");
    String head = migrations.current().current().orElseThrow().id().toString();

    migrations.stamp(INITIAL, false);
    assertThat(db.query("select max(id) from auth.changelog")).containsExactly(INITIAL);
    assertThat(migrations.stamp("auto", false).current()).map(Object::toString).contains(head);
    assertThat(db.query("select max(id) from auth.changelog")).containsExactly(head);

    String offline = migrations.script("base", "head");
    viaPsql.execute("CREATE SCHEMA auth");
    Psql.run(viaPsql, offline);
    assertThat(tables(viaPsql, "auth")).isEqualTo(TABLES);
    assertThat(tables(viaPsql, "public")).isEmpty();
    assertThat(new Migrations(new MigrationConfig(viaPsql.settings().withSchema("auth"), scripts.folder()))
        .status().migrations()).extracting(MigrationState::state).containsOnly(State.APPLIED);

    new Migrations(migrations.config().confirmingWith(Confirmation.GIVEN)).down(Target.base(), RunListener.NONE);
    assertThat(tables(db, "auth")).isEmpty();
    assertThat(tables(db, "public")).isEmpty();
  }
}
