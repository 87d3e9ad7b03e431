package com.authservice.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.ValidationReport;
import com.authservice.migrate.result.ValidationReport.Kind;
import com.authservice.migrate.result.ValidationReport.Problem;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code validate}: the scripts and the changelog agree, every disagreement listed, and nothing changed. */
@ExtendWith(PostgresExtension.class)
class ValidationTest {

  private static final String INITIAL = "20251001000100_Initial_migration.sql";
  private static final String PHONE = "20251015093000_Add_phone_number_to_users.sql";

  @TempDir
  Path dir;

  private TestScripts scripts;

  private Migrations migrations(TestDatabase db) {
    scripts = TestScripts.copyOfProjectRepository(dir);
    return new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
  }

  @Test
  void scriptsThatMatchTheChangelogAreValid(TestDatabase db) {
    Migrations migrations = migrations(db);
    migrations.up(Target.steps(2), RunListener.NONE);

    ValidationReport report = migrations.validate();

    assertThat(report.isValid()).isTrue();
    assertThat(report.problems()).isEmpty();
    assertThat(report.scripts()).isEqualTo(3);
  }

  @Test
  void aFreshDatabaseIsValidAndValidatingCreatesNothing(TestDatabase db) {
    assertThat(migrations(db).validate().isValid()).isTrue();

    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
    assertThat(db.tables()).isEmpty();
  }

  @Test
  void anEditedAppliedScriptIsReportedAsModifiedAndNothingChanges(TestDatabase db) {
    Migrations migrations = migrations(db);
    migrations.up(Target.head(), RunListener.NONE);
    List<String> schema = db.schemaSnapshot();
    List<String> changelog = db.changelog();
    scripts.write(INITIAL, scripts.read(INITIAL) + "\n-- edited after it ran\n");

    ValidationReport report = migrations.validate();

    assertThat(report.isValid()).isFalse();
    assertThat(report.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.kind()).isEqualTo(Kind.MODIFIED);
      assertThat(problem.id()).contains(MigrationId.of("20251001000100"));
      assertThat(problem.fileName()).contains(INITIAL);
      assertThat(problem.message()).contains(INITIAL + " was edited since it was applied").contains("repair");
    });
    assertThat(db.schemaSnapshot()).isEqualTo(schema);
    assertThat(db.changelog()).isEqualTo(changelog);
  }

  @Test
  void anAppliedMigrationWithoutItsScriptIsReportedAsMissing(TestDatabase db) {
    Migrations migrations = migrations(db);
    migrations.up(Target.head(), RunListener.NONE);
    scripts.delete(PHONE);

    ValidationReport report = migrations.validate();

    assertThat(report.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.kind()).isEqualTo(Kind.MISSING);
      assertThat(problem.id()).contains(MigrationId.of("20251015093000"));
      assertThat(problem.fileName()).isEmpty();
      assertThat(problem.message()).contains("applied migration 20251015093000").contains("has no script");
    });
  }

  @Test
  void everyMalformedScriptIsListedNotOnlyTheFirst(TestDatabase db) {
    Migrations migrations = migrations(db);
    scripts.write("add_roles.sql", "-- // add roles\nCREATE TABLE roles (id BIGINT);\n")
        .write("20251015093000_Same_id.sql", "-- // same id\nSELECT 1;\n-- //@UNDO\n")
        .write("20251101000000_Near_miss.sql", "-- // near miss\nCREATE TABLE x (id BIGINT);\n-- @UNDO\nDROP TABLE x;\n");

    ValidationReport report = migrations.validate();

    assertThat(report.problems()).extracting(Problem::kind).containsOnly(Kind.MALFORMED);
    assertThat(report.problems()).extracting(Problem::fileName).containsExactlyInAnyOrder(
        Optional.of("add_roles.sql"), Optional.of("20251015093000_Same_id.sql"),
        Optional.of("20251101000000_Near_miss.sql"));
    assertThat(report.problems()).extracting(Problem::message).anySatisfy(message ->
        assertThat(message).contains("add_roles.sql").contains("<digits>_<description>.sql"))
        .anySatisfy(message -> assertThat(message).contains("same id 20251015093000"))
        .anySatisfy(message -> assertThat(message).contains("-- @UNDO").contains("write exactly -- //@UNDO"));
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
  }
}
