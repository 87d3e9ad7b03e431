package com.authservice.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.errors.ScriptsModified;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.result.RepairResult;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.State;
import com.authservice.migrate.testing.MyBatisOperations;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import org.apache.ibatis.migration.operations.StatusOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `up` advises `repair` for an applied migration whose script was deleted; repair makes that advice true. */
@ExtendWith(PostgresExtension.class)
class DeletedScriptRepairTest {

  private static final String PHONE_FILE = "20251015093000_Add_phone_number_to_users.sql";

  @TempDir
  Path temp;

  @Test
  void repairRecordsADeletedScriptSoStatusShowsItAndUpProceeds(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    migrations.up(Target.head(), RunListener.NONE);
    scripts.delete(PHONE_FILE);
    scripts.write("20251101000000_Add_users_locale.sql", """
        -- // Add users locale
        ALTER TABLE users ADD COLUMN locale VARCHAR(10);

        -- //@UNDO
        ALTER TABLE users DROP COLUMN locale;
        """);

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptsModified.class).hasMessageContaining("repair");
    assertThat(db.appliedIds()).hasSize(3);

    RepairResult repaired = migrations.repair();
    assertThat(repaired.deleted()).extracting(Object::toString).containsExactly("20251015093000");
    assertThat(repaired.accepted()).isEmpty();
    assertThat(migrations.status().inState(State.DELETED)).extracting(m -> m.id().toString())
        .containsExactly("20251015093000");
    assertThat(migrations.status().inState(State.MISSING)).isEmpty();
    assertThat(migrations.repair().isEmpty()).isTrue();

    migrations.up(Target.head(), RunListener.NONE);
    assertThat(db.appliedIds()).hasSize(4);
    assertThat(db.query("select column_name from information_schema.columns "
        + "where table_name = 'users' and column_name = 'locale'")).containsExactly("locale");

    // MyBatis counts the applied migrations it has a script for, and lists the deleted one as missing.
    StatusOperation myBatisStatus = MyBatisOperations.run(db, scripts.repository(), new StatusOperation()::operate);
    assertThat(myBatisStatus.getAppliedCount()).isEqualTo(3);
    assertThat(myBatisStatus.getPendingCount()).isZero();
    scripts.write("20251102000000_Add_users_nickname.sql", """
        -- // Add users nickname
        ALTER TABLE users ADD COLUMN nickname VARCHAR(10);

        -- //@UNDO
        ALTER TABLE users DROP COLUMN nickname;
        """);
    MyBatisOperations.run(db, scripts.repository(), new UpOperation()::operate);
    assertThat(db.appliedIds()).hasSize(5);
    assertThat(migrations.status().inState(State.DELETED)).hasSize(1);
  }

  @Test
  void downStopsAtADeletedMigrationNamingIt(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    migrations.up(Target.head(), RunListener.NONE);
    scripts.delete(PHONE_FILE);
    migrations.repair();

    assertThatThrownBy(() -> migrations.down(Target.steps(1), RunListener.NONE))
        .isInstanceOf(StateConflict.class).hasMessageContaining("20251015093000")
        .hasMessageContaining("deleted").hasMessageNotContaining("\n");
    assertThat(db.appliedIds()).hasSize(3);
  }
}
