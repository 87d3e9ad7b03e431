package com.authservice.migrate.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.snapshot.ObjectChange;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drift: a real database against the schema its applied migrations produce on a scratch database (another empty
 * database of the test server). Hand-made changes are named; the target is never written.
 */
@ExtendWith(PostgresExtension.class)
class DriftTest {

  @TempDir
  Path temp;

  private Migrations migrationsOf(TestDatabase target) {
    return new Migrations(new MigrationConfig(target.settings(),
        TestScripts.copyOfProjectRepository(temp.resolve("migrations")).folder()));
  }

  private static List<String> labels(List<ObjectChange> changes) {
    return changes.stream().map(ObjectChange::label).toList();
  }

  @Test
  void aFreshlyMigratedDatabaseHasNoDrift(TestDatabase target, TestDatabase scratch) {
    Migrations migrations = migrationsOf(target);
    migrations.up(Target.head(), RunListener.NONE);

    DriftReport report = migrations.drift(scratch.settings());

    assertThat(report.changes()).isEmpty();
    assertThat(report.hasDrift()).isFalse();
    assertThat(report.applied()).isEqualTo(3);
    assertThat(scratch.appliedIds()).isEqualTo(target.appliedIds());
  }

  @Test
  void aColumnAddedByHandIsNamed(TestDatabase target, TestDatabase scratch) {
    Migrations migrations = migrationsOf(target);
    migrations.up(Target.head(), RunListener.NONE);
    target.execute("ALTER TABLE users ADD COLUMN nickname varchar(40)");

    DriftReport report = migrations.drift(scratch.settings());

    assertThat(labels(report.added())).containsExactly("column users.nickname");
    assertThat(report.added().get(0).after()).hasValueSatisfying(sql -> assertThat(sql)
        .contains("nickname character varying(40)"));
    assertThat(report.dropped()).isEmpty();
    assertThat(report.changed()).isEmpty();
  }

  @Test
  void anIndexDroppedByHandIsNamed(TestDatabase target, TestDatabase scratch) {
    Migrations migrations = migrationsOf(target);
    migrations.up(Target.head(), RunListener.NONE);
    target.execute("DROP INDEX ix_items_owner_id");

    DriftReport report = migrations.drift(scratch.settings());

    assertThat(labels(report.dropped())).containsExactly("index ix_items_owner_id");
    assertThat(report.added()).isEmpty();
  }

  @Test
  void aColumnChangedByHandIsNamedWithBothDefinitions(TestDatabase target, TestDatabase scratch) {
    Migrations migrations = migrationsOf(target);
    migrations.up(Target.head(), RunListener.NONE);
    target.execute("ALTER TABLE users ALTER COLUMN full_name TYPE text");

    DriftReport report = migrations.drift(scratch.settings());

    assertThat(labels(report.changed())).containsExactly("column users.full_name");
    assertThat(report.changed().get(0).before()).hasValueSatisfying(sql -> assertThat(sql).contains("varying(255)"));
    assertThat(report.changed().get(0).after()).hasValueSatisfying(sql -> assertThat(sql).contains("full_name text"));
  }

  /** A database one migration short of head is compared with the migrations it has, not with head. */
  @Test
  void onlyTheMigrationsTheChangelogRecordsAreRebuilt(TestDatabase target, TestDatabase scratch) {
    Migrations migrations = migrationsOf(target);
    migrations.up(Target.steps(2), RunListener.NONE);

    DriftReport report = migrations.drift(scratch.settings());

    assertThat(report.changes()).isEmpty();
    assertThat(report.applied()).isEqualTo(2);
    assertThat(scratch.query("select column_name from information_schema.columns where table_name = 'users' "
        + "and column_name = 'phone_number'")).isEmpty();
  }

  /** Nothing is written: the check runs as a role that may only read, and the target's counters do not move. */
  @Test
  void theTargetIsOnlyRead(TestDatabase target, TestDatabase scratch) {
    Migrations owner = migrationsOf(target);
    owner.up(Target.head(), RunListener.NONE);
    target.execute("ALTER TABLE items ADD COLUMN colour text");
    ConnectionSettings reader = target.createUser("drift_reader", "s3cret-reader");
    target.execute("GRANT USAGE ON SCHEMA public TO drift_reader; GRANT SELECT ON ALL TABLES IN SCHEMA public "
        + "TO drift_reader");
    List<String> changelogBefore = target.query("select * from changelog order by id");
    List<String> schemaBefore = target.schemaSnapshot();
    String writesBefore = writes(target);

    DriftReport report = new Migrations(new MigrationConfig(reader, owner.config().scripts()))
        .drift(scratch.settings());

    assertThat(labels(report.added())).containsExactly("column items.colour");
    assertThat(target.query("select * from changelog order by id")).isEqualTo(changelogBefore);
    assertThat(target.schemaSnapshot()).isEqualTo(schemaBefore);
    assertThat(writes(target)).isEqualTo(writesBefore);
  }

  /** Rows inserted, updated or deleted in the target's tables, as the statistics collector counts them. */
  private static String writes(TestDatabase target) {
    return target.queryOne("""
        select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables""");
  }

  @Test
  void tablesOfOtherServicesAndAlembicAreLeftOut(TestDatabase target, TestDatabase scratch) throws Exception {
    Migrations migrations = migrationsOf(target);
    migrations.up(Target.head(), RunListener.NONE);
    Files.createDirectories(temp.resolve("migrations/environments"));
    Files.writeString(temp.resolve("migrations/environments/development.properties"), "exclude_tables=billing_*\n");
    target.execute("CREATE TABLE billing_runs (id int PRIMARY KEY, at timestamptz); CREATE INDEX ix_billing_at "
        + "ON billing_runs (at); COMMENT ON COLUMN billing_runs.at IS 'when';"
        + "CREATE TABLE alembic_version (version_num varchar(32) NOT NULL, "
        + "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)); CREATE TABLE audit_log (id int)");

    DriftReport report = new Migrations(new MigrationConfig(target.settings(),
        TestScripts.copyOfProjectRepository(temp.resolve("migrations")).folder())).drift(scratch.settings());

    assertThat(labels(report.changes())).containsExactly("table audit_log", "column audit_log.id");
  }

  @Test
  void anAppliedMigrationWithoutItsScriptIsRefusedByName(TestDatabase target, TestDatabase scratch) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp.resolve("migrations"));
    new Migrations(new MigrationConfig(target.settings(), scripts.folder())).up(Target.head(), RunListener.NONE);
    scripts.delete("20251015093000_Add_phone_number_to_users.sql");

    assertThatThrownBy(() -> new Migrations(new MigrationConfig(target.settings(), scripts.folder()))
        .drift(scratch.settings()))
        .isInstanceOf(StateConflict.class)
        .hasMessageContaining("20251015093000 (Add phone number to users)")
        .hasMessageContaining("Restore the script");
    assertThat(scratch.changelog()).isEmpty();
  }

  @Test
  void anAppliedScriptEditedSinceIsWarnedAbout(TestDatabase target, TestDatabase scratch) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp.resolve("migrations"));
    new Migrations(new MigrationConfig(target.settings(), scripts.folder())).up(Target.head(), RunListener.NONE);
    scripts.write("20251015093000_Add_phone_number_to_users.sql", scripts.read(
        "20251015093000_Add_phone_number_to_users.sql").replace("VARCHAR(20)", "VARCHAR(30)"));

    DriftReport report = new Migrations(new MigrationConfig(target.settings(), scripts.folder()))
        .drift(scratch.settings());

    assertThat(labels(report.changed())).containsExactly("column users.phone_number");
    assertThat(report.warnings()).singleElement().asString()
        .contains("20251015093000_Add_phone_number_to_users.sql was edited after it was applied");
  }
}
