package com.authservice.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.testing.MyBatisOperations;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.util.List;
import org.apache.ibatis.migration.operations.DownOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code redo N}: down N then up again, as MyBatis' RedoCommand runs its Down and Up operations. */
@ExtendWith(PostgresExtension.class)
class RedoTest {

  @TempDir
  Path temp;

  @Test
  void redoUndoesTheNewestAndAppliesThemAgainAsMyBatisRedoDoes(TestDatabase console, TestDatabase myBatis) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    Migrations migrations = new Migrations(new MigrationConfig(console.settings(), scripts.folder()));
    migrations.up(Target.head(), RunListener.NONE);
    MyBatisOperations.run(myBatis, scripts.repository(), new UpOperation()::operate);
    console.execute("insert into users (email, hashed_password) values ('ann@example.com', 'x')");

    List<RunResult> runs = migrations.redo(2, RunListener.NONE);
    MyBatisOperations.run(myBatis, scripts.repository(), new DownOperation(2)::operate);
    MyBatisOperations.run(myBatis, scripts.repository(), new UpOperation(2)::operate);

    assertThat(runs).extracting(RunResult::direction).containsExactly(Direction.DOWN, Direction.UP);
    assertThat(runs.get(0).migrations()).extracting(Migration::description)
        .containsExactly("Add phone number to users", "Initial migration");
    assertThat(runs.get(1).migrations()).extracting(Migration::description)
        .containsExactly("Initial migration", "Add phone number to users");
    assertThat(console.query("select count(*) from users")).containsExactly("0");
    assertThat(console.appliedIds()).isEqualTo(myBatis.appliedIds()).hasSize(3);
    assertThat(console.schemaSnapshot()).filteredOn(fact -> !fact.contains("changelog.checksum"))
        .isEqualTo(myBatis.schemaSnapshot());
  }

  @Test
  void redoOnADatabaseWithNothingAppliedUndoesAndAppliesNothing(TestDatabase db) {
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(),
        TestScripts.copyOfProjectRepository(temp).folder()));

    List<RunResult> runs = migrations.redo(1, RunListener.NONE);

    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).changedNothing()).isTrue();
    assertThat(db.appliedIds()).isEmpty();
  }
}
