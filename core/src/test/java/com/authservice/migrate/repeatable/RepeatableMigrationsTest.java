package com.authservice.migrate.repeatable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.domain.AuthModels;
import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.checksum.Checksum;
import com.authservice.migrate.errors.LintRefused;
import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.guard.Confirmation;
import com.authservice.migrate.repeatable.RepeatableState.Status;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.snapshot.SchemaSnapshot;
import com.authservice.migrate.testing.MyBatisOperations;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.Psql;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.apache.ibatis.migration.operations.StatusOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Repeatable scripts ({@code repeatable/R__*.sql}) on a real PostgreSQL, next to the project's own migrations. */
@ExtendWith(PostgresExtension.class)
class RepeatableMigrationsTest {

  private static final String VIEW = "R__active_users_view.sql";
  private static final String GRANT = "R__grant_reader.sql";
  /** A view over the project's users table; the sequence counts how often the script ran. */
  private static final String VIEW_SQL = """
      CREATE SEQUENCE IF NOT EXISTS view_script_runs;
      SELECT nextval('view_script_runs');
      CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users;
      """;
  private static final String GRANT_SQL = """
      DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'report_reader') THEN CREATE ROLE report_reader; END IF;
      END $$;
      GRANT SELECT ON active_users TO report_reader;
      """;

  @TempDir
  Path temp;

  private TestScripts scripts;

  private Migrations migrations(TestDatabase db) {
    scripts = TestScripts.copyOfProjectRepository(temp);
    return new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
  }

  private void writeRepeatable(String fileName, String sql) {
    try {
      Path folder = Files.createDirectories(scripts.repository().resolve("repeatable"));
      Files.writeString(folder.resolve(fileName), sql, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String runs(TestDatabase db) {
    return db.queryOne("select last_value from view_script_runs");
  }

  @Test
  void upAppliesRepeatablesAfterTheMigrationsInFileNameOrderAndRecordsThemBesideTheChangelog(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable(GRANT, GRANT_SQL);
    writeRepeatable(VIEW, VIEW_SQL);

    RunResult result = migrations.up(Target.head(), RunListener.NONE);

    assertThat(result.migrations()).hasSize(3);
    assertThat(result.repeatables()).containsExactly(VIEW, GRANT);
    assertThat(db.query("select viewname from pg_views where schemaname = 'public'")).containsExactly("active_users");
    assertThat(db.query("select privilege_type from information_schema.role_table_grants "
        + "where grantee = 'report_reader' and table_name = 'active_users'")).containsExactly("SELECT");
    assertThat(db.query("select file_name from changelog_repeatable order by file_name"))
        .containsExactly(VIEW, GRANT);
    assertThat(db.queryOne("select checksum from changelog_repeatable where file_name = '" + VIEW + "'"))
        .isEqualTo(Checksum.of(VIEW_SQL));
    assertThat(db.appliedIds()).hasSize(3);
    assertThat(migrations.repeatables()).extracting(RepeatableState::status).containsOnly(Status.UP_TO_DATE);
  }

  @Test
  void anUnchangedRepeatableIsNotRunAgain(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable(VIEW, VIEW_SQL);
    migrations.up(Target.head(), RunListener.NONE);

    RunResult again = migrations.up(Target.head(), RunListener.NONE);

    assertThat(again.changedNothing()).isTrue();
    assertThat(runs(db)).isEqualTo("1");
  }

  @Test
  void aChangedRepeatableRunsOnceMoreAndItsNewChecksumIsRecorded(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable(VIEW, VIEW_SQL);
    migrations.up(Target.head(), RunListener.NONE);
    String changed = VIEW_SQL.replace("SELECT id, email FROM users", "SELECT id, email, phone_number FROM users");
    writeRepeatable(VIEW, changed);
    assertThat(migrations.repeatables()).extracting(RepeatableState::status).containsExactly(Status.CHANGED);

    RunResult result = migrations.up(Target.head(), RunListener.NONE);
    migrations.up(Target.head(), RunListener.NONE);

    assertThat(result.migrations()).isEmpty();
    assertThat(result.repeatables()).containsExactly(VIEW);
    assertThat(runs(db)).isEqualTo("2");
    assertThat(db.query("select column_name from information_schema.columns where table_name = 'active_users' "
        + "order by ordinal_position")).containsExactly("id", "email", "phone_number");
    assertThat(db.queryOne("select checksum from changelog_repeatable"))
        .isEqualTo(Checksum.of(changed));
    assertThat(migrations.repeatables()).extracting(RepeatableState::status).containsExactly(Status.UP_TO_DATE);
  }

  @Test
  void aFailingRepeatableIsRolledBackNamedAndKeepsItsOldRecord(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable(VIEW, VIEW_SQL);
    migrations.up(Target.head(), RunListener.NONE);
    String recorded = db.queryOne("select checksum || ' ' || applied_at from changelog_repeatable");
    writeRepeatable(VIEW, """
        CREATE OR REPLACE VIEW active_users AS SELECT id, email, phone_number FROM users;
        SELECT no_such_column FROM users;
        """);

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageStartingWith("repeatable/" + VIEW + " line 2: ERROR: column \"no_such_column\" does not exist")
        .hasMessageContaining("rolled back");

    assertThat(db.query("select column_name from information_schema.columns where table_name = 'active_users' "
        + "order by ordinal_position")).containsExactly("id", "email");
    assertThat(db.queryOne("select checksum || ' ' || applied_at from changelog_repeatable")).isEqualTo(recorded);
    assertThat(migrations.repeatables()).extracting(RepeatableState::status).containsExactly(Status.CHANGED);
  }

  @Test
  void aFailureOnTheFirstApplyLeavesNoRecordTableAndTheMigrationsApplied(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable(VIEW, "CREATE VIEW broken AS SELECT * FROM no_such_table;\n");

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE)).isInstanceOf(ScriptFailed.class)
        .hasMessageContaining("repeatable/" + VIEW);

    assertThat(db.appliedIds()).hasSize(3);
    assertThat(db.queryOne("select to_regclass('public.changelog_repeatable') is null")).isEqualTo("t");
    assertThat(migrations.repeatables()).extracting(RepeatableState::status).containsExactly(Status.NEW);
  }

  @Test
  void upToATargetBelowHeadLeavesRepeatablesForTheRunThatReachesHead(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable(VIEW, VIEW_SQL.replace(", email FROM", " FROM"));

    RunResult partial = migrations.up(Target.steps(2), RunListener.NONE);

    assertThat(partial.repeatables()).isEmpty();
    assertThat(migrations.repeatables()).extracting(RepeatableState::status).containsExactly(Status.NEW);
    assertThat(migrations.up(Target.head(), RunListener.NONE).repeatables()).containsExactly(VIEW);
  }

  @Test
  void downLeavesRepeatablesAndTheirRecords(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable(VIEW, VIEW_SQL.replace("SELECT id, email FROM users", "SELECT 1 AS one"));
    migrations.up(Target.head(), RunListener.NONE);

    RunResult down = new Migrations(migrations.config().confirmingWith(Confirmation.GIVEN))
        .down(Target.steps(1), RunListener.NONE);

    assertThat(down.repeatables()).isEmpty();
    assertThat(db.query("select viewname from pg_views where schemaname = 'public'")).containsExactly("active_users");
    assertThat(migrations.repeatables()).extracting(RepeatableState::status).containsExactly(Status.UP_TO_DATE);
  }

  @Test
  void statusSaysNewChangedUpToDateAndMissing(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable("R__a.sql", "SELECT 1;\n");
    writeRepeatable("R__b.sql", "SELECT 2;\n");
    writeRepeatable("R__c.sql", "SELECT 3;\n");
    migrations.up(Target.head(), RunListener.NONE);
    writeRepeatable("R__b.sql", "SELECT 22;\n");
    scripts.repository().resolve("repeatable/R__c.sql").toFile().delete();
    writeRepeatable("R__d.sql", "SELECT 4;\n");

    assertThat(migrations.repeatables()).extracting(s -> s.fileName() + " " + s.status().label())
        .containsExactly("R__a.sql up to date", "R__b.sql changed", "R__d.sql new", "R__c.sql missing");
  }

  @Test
  void aMisnamedFileInTheRepeatableFolderRefusesUpBeforeAnyMigrationRuns(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable("active_users.sql", VIEW_SQL);

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE)).isInstanceOf(MalformedScript.class)
        .hasMessageContaining("repeatable/active_users.sql").hasMessageContaining("R__<description>.sql");

    assertThat(db.queryOne("select to_regclass('public.changelog') is null")).isEqualTo("t");
  }

  @Test
  void offlineSqlToHeadEndsWithEveryRepeatableAndPsqlRecordsThem(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable(VIEW, VIEW_SQL);

    String sql = migrations.script("base", "head");
    Psql.run(db, sql);

    assertThat(sql).contains("-- repeatable/" + VIEW);
    assertThat(sql.indexOf("-- repeatable/")).isGreaterThan(sql.indexOf("20251015093000"));
    assertThat(migrations.script("base", "20251001000100")).doesNotContain("repeatable");
    assertThat(db.query("select viewname from pg_views where schemaname = 'public'")).containsExactly("active_users");
    assertThat(migrations.repeatables()).extracting(RepeatableState::status).containsExactly(Status.UP_TO_DATE);
  }

  @Test
  void newRepeatableWritesATemplateThatUpApplies(TestDatabase db) throws IOException {
    Migrations migrations = migrations(db);

    Path file = migrations.newRepeatable("active users view");

    assertThat(file.getFileName().toString()).isEqualTo("R__active_users_view.sql");
    assertThat(file.getParent().getFileName().toString()).isEqualTo("repeatable");
    assertThat(Files.readString(file)).startsWith("-- active users view: a repeatable script");
    assertThatThrownBy(() -> migrations.newRepeatable("../escape")).hasMessageContaining("letters, digits");
    assertThat(migrations.up(Target.head(), RunListener.NONE).repeatables())
        .containsExactly("R__active_users_view.sql");
  }

  @Test
  void theMyBatisCliStillReadsAndWritesARepositoryAndDatabaseWithRepeatables(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable(VIEW, VIEW_SQL.replace("SELECT id, email FROM users", "SELECT 1 AS one"));
    migrations.up(Target.steps(1), RunListener.NONE);

    // MyBatis' loader reads scripts/ only: the repeatable/ folder beside it is not a script it trips over.
    MyBatisOperations.run(db, scripts.repository(), new UpOperation()::operate);
    assertThat(db.appliedIds()).hasSize(3);
    assertThat(migrations.up(Target.head(), RunListener.NONE).repeatables()).containsExactly(VIEW);

    StatusOperation status = MyBatisOperations.run(db, scripts.repository(), new StatusOperation()::operate);
    assertThat(status.getAppliedCount()).isEqualTo(3);
    assertThat(status.getPendingCount()).isZero();
    assertThat(db.query("select count(*) from changelog")).containsExactly("3");
  }

  @Test
  void lintChecksTheDueRepeatablesAndStrictLintRefusesUpBeforeAnythingRuns(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable("R__age.sql", "ALTER TABLE users ADD COLUMN age integer NOT NULL;\n");

    assertThat(migrations.lint(null, false).findings()).extracting(f -> f.fileName() + ":" + f.line() + " "
        + f.rule().id()).containsExactly("repeatable/R__age.sql:1 adding-required-field");
    assertThat(migrations.lint("20251001000100", false).findings()).isEmpty();
    Migrations strict = new Migrations(migrations.config().withStrictLint(true));
    assertThatThrownBy(() -> strict.up(Target.head(), RunListener.NONE))
        .isInstanceOf(LintRefused.class);
    assertThat(db.appliedIds()).isEmpty();
  }

  @Test
  void strictLintPassesOnceTheRepeatableIsUpToDate(TestDatabase db) {
    Migrations migrations = migrations(db);
    writeRepeatable("R__age.sql", "ALTER TABLE users ADD COLUMN IF NOT EXISTS age integer;\n");
    migrations.up(Target.head(), RunListener.NONE);

    assertThat(migrations.lint(null, false).scripts()).isZero();
    assertThat(migrations.lint(null, true).scripts()).isEqualTo(4);
  }

  @Test
  void checkAndSchemaSnapshotsLeaveTheRepeatableTableOut(TestDatabase db) throws Exception {
    Migrations migrations = migrations(db);
    writeRepeatable(VIEW, "CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users;\n");
    migrations.up(Target.head(), RunListener.NONE);

    assertThat(migrations.check(AuthModels.ALL).isEmpty()).isTrue();
    try (Connection connection = db.connect()) {
      assertThat(SchemaSnapshot.read(connection, "public", "changelog").render())
          .doesNotContain("changelog_repeatable").contains("active_users");
    }
  }
}
