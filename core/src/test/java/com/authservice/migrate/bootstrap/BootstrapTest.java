package com.authservice.migrate.bootstrap;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.RunPolicy;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.MyBatisOperations;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import org.apache.ibatis.migration.operations.BootstrapOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code bootstrap}: MyBatis' script for a database that predates migrations, compared with MyBatis' own. */
@ExtendWith(PostgresExtension.class)
class BootstrapTest {

  private static final String LEGACY_SCHEMA = """
      -- // Bootstrap
      -- The schema as it was before migrations.
      CREATE TABLE legacy_users (id BIGINT PRIMARY KEY, name VARCHAR(80) NOT NULL);
      CREATE INDEX legacy_users_name ON legacy_users (name);
      """;

  @TempDir
  Path temp;

  private TestScripts scripts;

  private Migrations console(TestDatabase db, boolean force) {
    if (scripts == null) {
      scripts = TestScripts.withChangelogOnly(temp).write("bootstrap.sql", LEGACY_SCHEMA);
    }
    return new Migrations(new MigrationConfig(db.settings(), scripts.folder())
        .with(RunPolicy.DEFAULT.forcing(force)));
  }

  @Test
  void bootstrapRunsTheScriptAndRecordsItNowhereAsMyBatisDoes(TestDatabase console, TestDatabase myBatis) {
    int statements = console(console, false).bootstrap(RunListener.NONE);
    MyBatisOperations.run(myBatis, scripts.repository(), new BootstrapOperation()::operate);

    assertThat(statements).isEqualTo(2);
    assertThat(console.tables()).containsExactly("legacy_users");
    assertThat(console.changelog()).isEmpty();
    assertThat(console.schemaSnapshot()).isEqualTo(myBatis.schemaSnapshot());
  }

  @Test
  void bootstrapIsRefusedOnceMigrationsWereAppliedAsMyBatisRefusesIt(TestDatabase console, TestDatabase myBatis) {
    console(console, false).up(Target.head(), RunListener.NONE);
    console(myBatis, false).up(Target.head(), RunListener.NONE);

    assertThatThrownBy(() -> console(console, false).bootstrap(RunListener.NONE))
        .isInstanceOf(StateConflict.class).hasMessageContaining("changelog table public.changelog exists")
        .hasMessageContaining("--force");
    String printed = MyBatisOperations.runPrinting(myBatis, scripts.repository(),
        new BootstrapOperation()::operate).printed();

    assertThat(printed).contains("the bootstrap SQL script will only run before migrations are applied");
    assertThat(console.tables()).isEmpty();
    assertThat(myBatis.tables()).isEmpty();
  }

  @Test
  void forceRunsItAnywayAsMyBatisForceDoes(TestDatabase console, TestDatabase myBatis) {
    console(console, false).up(Target.head(), RunListener.NONE);
    console(myBatis, false).up(Target.head(), RunListener.NONE);

    console(console, true).bootstrap(RunListener.NONE);
    MyBatisOperations.run(myBatis, scripts.repository(), new BootstrapOperation(true)::operate);

    assertThat(console.tables()).containsExactly("legacy_users");
    assertThat(console.schemaSnapshot()).isEqualTo(myBatis.schemaSnapshot());
  }

  @Test
  void aFailingBootstrapLeavesNothingBehindAndNamesTheLine(TestDatabase db) {
    scripts = TestScripts.withChangelogOnly(temp).write("bootstrap.sql", LEGACY_SCHEMA
        + "CREATE TABLE broken (id BIGINT REFERENCES nowhere (id));\n");

    assertThatThrownBy(() -> console(db, false).bootstrap(RunListener.NONE))
        .isInstanceOf(ScriptFailed.class).hasMessageStartingWith("bootstrap.sql line 5:");
    assertThat(db.tables()).isEmpty();
  }

  @Test
  void withoutABootstrapScriptItSaysWhereToPutOne(TestDatabase db) {
    scripts = TestScripts.withChangelogOnly(temp);

    assertThatThrownBy(() -> console(db, false).bootstrap(RunListener.NONE))
        .isInstanceOf(StateConflict.class).hasMessageContaining("There is no bootstrap.sql in");
  }
}
