package com.authservice.migrate.run;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.RunPolicy;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.result.FailedMigration;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.result.State;
import com.authservice.migrate.testing.MyBatisOperations;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import org.apache.ibatis.migration.operations.UpOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * MyBatis' {@code --force}: go on past a failing migration. Here each migration stays atomic (rolled back
 * alone) and is not recorded, where MyBatis records a failed script as applied.
 */
@ExtendWith(PostgresExtension.class)
class ForceTest {

  @TempDir
  Path temp;

  private TestScripts scripts() {
    return TestScripts.withChangelogOnly(temp)
        .write("20251101000000_create_a.sql", "-- // create a\nCREATE TABLE a (id INT);\n-- //@UNDO\nDROP TABLE a;\n")
        .write("20251102000000_create_b.sql", """
            -- // create b
            CREATE TABLE b (id INT);
            INSERT INTO b VALUES ('not a number');
            -- //@UNDO
            DROP TABLE b;
            """)
        .write("20251103000000_fill_b.sql", "-- // fill b\nINSERT INTO b VALUES (1);\n-- //@UNDO\nDELETE FROM b;\n")
        .write("20251104000000_create_c.sql", "-- // create c\nCREATE TABLE c (id INT);\n-- //@UNDO\nDROP TABLE c;\n");
  }

  @Test
  void withoutForceTheRunStopsAtTheFailingMigration(TestDatabase db) {
    TestScripts scripts = scripts();

    assertThatThrownBy(() -> new Migrations(new MigrationConfig(db.settings(), scripts.folder()))
        .up(Target.head(), RunListener.NONE)).isInstanceOf(ScriptFailed.class);
    assertThat(db.tables()).containsExactly("a");
  }

  @Test
  void forceGoesOnPastFailuresEachRolledBackAloneAndListsThem(TestDatabase db, TestDatabase myBatis) {
    TestScripts scripts = scripts();
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder())
        .with(RunPolicy.DEFAULT.forcing(true)));

    RunResult result = migrations.up(Target.head(), RunListener.NONE);

    assertThat(result.failed()).extracting(FailedMigration::migration).extracting(Migration::fileName)
        .containsExactly("20251102000000_create_b.sql", "20251103000000_fill_b.sql");
    assertThat(result.failed().get(1).error()).contains("relation \"b\" does not exist");
    assertThat(result.migrations()).extracting(Migration::description)
        .containsExactly("create changelog", "create a", "create c");
    assertThat(db.tables()).containsExactly("a", "c");
    assertThat(db.appliedIds()).containsExactly("20251001000000", "20251101000000", "20251104000000");
    assertThat(migrations.status().inState(State.OUT_OF_ORDER)).hasSize(2);

    // MyBatis' --force (stopOnError off) goes on too, but records the failed scripts as applied.
    MyBatisOperations.run(myBatis, scripts.repository(), (connections, loader, options, log) -> {
      options.setStopOnError(false);
      return new UpOperation().operate(connections, loader, options, log);
    });
    assertThat(myBatis.appliedIds()).contains("20251102000000", "20251103000000");
  }
}
