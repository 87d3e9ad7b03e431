package com.authservice.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.LintRefused;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code Migrations.lint} picks the scripts {@code up} would run; {@code up} lints them before running any. */
@ExtendWith(PostgresExtension.class)
class LintBeforeRunTest {

  private static final String AGE = "20251120000000_Add_age_to_users.sql";

  @TempDir
  Path temp;

  private TestScripts scripts;

  private MigrationConfig config(TestDatabase db) {
    scripts = TestScripts.copyOfProjectRepository(temp).write(AGE, """
        -- // Add age to users
        ALTER TABLE users ADD COLUMN age integer NOT NULL;
        -- //@UNDO
        ALTER TABLE users DROP COLUMN age;
        """);
    return new MigrationConfig(db.settings(), scripts.folder());
  }

  @Test
  void lintChecksThePendingScriptsByDefaultOneByIdOrAll(TestDatabase db) {
    Migrations migrations = new Migrations(config(db));

    LintReport pending = migrations.lint(null, false);
    assertThat(pending.scripts()).isEqualTo(4);
    assertThat(pending.findings()).extracting(f -> f.fileName() + ":" + f.line() + " " + f.rule().id())
        .containsExactly(AGE + ":2 adding-required-field");

    migrations.up(Target.head(), RunListener.NONE);
    assertThat(migrations.lint(null, false).scripts()).isZero();
    assertThat(migrations.lint("20251120", false).findings()).hasSize(1);
    assertThat(migrations.lint(null, true).scripts()).isEqualTo(4);
  }

  @Test
  void upHandsTheFindingsToTheListenerBeforeTheFirstMigrationRuns(TestDatabase db) {
    List<String> events = new ArrayList<>();
    RunListener listener = new RunListener() {
      @Override
      public void linted(LintReport report) {
        events.add("linted " + report.findings().size());
      }

      @Override
      public void migrationStarting(com.authservice.migrate.result.Migration migration, int done, int total) {
        events.add("run " + migration.id());
      }
    };

    new Migrations(config(db)).up(Target.steps(3), listener);

    assertThat(events).containsExactly("linted 0", "run 20251001000000", "run 20251001000100",
        "run 20251015093000");
    new Migrations(config(db)).up(Target.head(), listener);
    assertThat(events.subList(4, events.size())).containsExactly("linted 1", "run 20251120000000");
  }

  @Test
  void strictLintRefusesBeforeAnythingRuns(TestDatabase db) {
    Migrations strict = new Migrations(config(db).withStrictLint(true));

    assertThatThrownBy(() -> strict.up(Target.head(), RunListener.NONE)).isInstanceOf(LintRefused.class)
        .hasMessage("lint found 1 problem(s) in the scripts to run, and lint is strict: nothing was run. Write "
            + "them the safe way, or accept each knowingly with -- migrate:allow <rule-id>");
    assertThat(db.appliedIds()).isEmpty();
    assertThat(db.tables()).isEmpty();
  }
}
