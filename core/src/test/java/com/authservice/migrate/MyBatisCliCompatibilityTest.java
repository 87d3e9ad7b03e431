package com.authservice.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.State;
import com.authservice.migrate.testing.MyBatisOperations;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import org.apache.ibatis.migration.operations.DownOperation;
import org.apache.ibatis.migration.operations.StatusOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise to teams that keep the MyBatis CLI around: a database this console migrates stays readable
 * and writable by MyBatis' own operations (the code behind {@code migrate status/up/down}), and scripts
 * written the MyBatis way run here unchanged.
 */
@ExtendWith(PostgresExtension.class)
class MyBatisCliCompatibilityTest {

  /** MyBatis' own template for {@code migrate new}, filled in as a developer would. */
  private static final String WRITTEN_FOR_MYBATIS = """
      -- // Add users locale
      -- Migration SQL that makes the change goes here.
      ALTER TABLE users ADD COLUMN locale VARCHAR(10);

      -- //@UNDO
      -- SQL to undo the change goes here.
      ALTER TABLE users DROP COLUMN locale;
      """;

  @TempDir
  Path temp;

  @Test
  void myBatisReadsAndWritesWhatTheConsoleMigratedAndTheConsoleReadsWhatMyBatisDid(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    Migrations console = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    console.up(Target.head(), RunListener.NONE);

    StatusOperation myBatisStatus = myBatis(db, scripts, new StatusOperation()::operate);
    assertThat(myBatisStatus.getAppliedCount()).isEqualTo(3);
    assertThat(myBatisStatus.getPendingCount()).isZero();

    scripts.write("20251101000000_Add_users_locale.sql", WRITTEN_FOR_MYBATIS);
    myBatis(db, scripts, new UpOperation()::operate);
    assertThat(db.query("select column_name from information_schema.columns "
        + "where table_name = 'users' and column_name = 'locale'")).containsExactly("locale");
    assertThat(console.status().migrations()).extracting(m -> m.state())
        .containsOnly(State.APPLIED);

    myBatis(db, scripts, new DownOperation(1)::operate);
    assertThat(db.query("select column_name from information_schema.columns "
        + "where table_name = 'users' and column_name = 'locale'")).isEmpty();
    assertThat(console.status().inState(State.PENDING)).extracting(m -> m.id().toString())
        .containsExactly("20251101000000");

    console.up(Target.head(), RunListener.NONE);
    assertThat(db.appliedIds()).hasSize(4);
    assertThat(myBatis(db, scripts, new StatusOperation()::operate).getAppliedCount()).isEqualTo(4);
    console.down(Target.steps(1), RunListener.NONE);
    assertThat(myBatis(db, scripts, new StatusOperation()::operate).getPendingCount()).isEqualTo(1);
  }

  private static <T> T myBatis(TestDatabase db, TestScripts scripts, MyBatisOperations.Operation<T> operation) {
    return MyBatisOperations.run(db, scripts.repository(), operation);
  }
}
