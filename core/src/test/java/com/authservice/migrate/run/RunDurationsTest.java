package com.authservice.migrate.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A run's result says how long each migration took, for pipelines that watch for slow ones. */
@ExtendWith(PostgresExtension.class)
class RunDurationsTest {

  @TempDir
  Path dir;

  @Test
  void upAndDownReportTheTimeOfEveryMigrationThatRan(TestDatabase db) {
    TestScripts scripts = TestScripts.empty(dir).write("001_quick.sql", "-- // quick\nSELECT 1;\n-- //@UNDO\n")
        .write("002_sleepy.sql", "-- // sleepy\nSELECT pg_sleep(0.2);\n-- //@UNDO\nSELECT pg_sleep(0.1);\n");
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));

    RunResult up = migrations.up(Target.head(), RunListener.NONE);
    RunResult down = migrations.down(Target.steps(1), RunListener.NONE);

    Migration sleepy = up.migrations().get(1);
    assertThat(up.durationOf(up.migrations().get(0))).isPresent();
    assertThat(up.durationOf(sleepy)).hasValueSatisfying(took ->
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(200)).isLessThanOrEqualTo(up.elapsed()));
    assertThat(down.durationOf(sleepy)).hasValueSatisfying(took ->
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(100)).isLessThan(Duration.ofMillis(200)));
  }
}
