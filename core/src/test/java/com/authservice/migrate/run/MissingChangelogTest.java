package com.authservice.migrate.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.MyBatisOperations;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.ibatis.migration.operations.StatusOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A repository with no script that creates the changelog table (written by hand, without init): the
 * first {@code up} creates MyBatis' table, says so, and goes on, instead of failing at the first row.
 */
@ExtendWith(PostgresExtension.class)
class MissingChangelogTest {

  private static final String CREATE_USERS = """
      -- // create users
      CREATE TABLE users (id BIGINT PRIMARY KEY);

      -- //@UNDO
      DROP TABLE users;
      """;

  @TempDir
  Path temp;

  private final List<String> notices = new ArrayList<>();

  private final RunListener listener = new RunListener() {
    @Override
    public void changelogCreated(String table) {
      notices.add(table);
    }
  };

  @Test
  void upCreatesMyBatisChangelogTableBeforeTheFirstMigrationWhenNoScriptDoes(TestDatabase db, TestDatabase myBatis) {
    TestScripts scripts = TestScripts.empty(temp.resolve("by-hand")).write("001_create_users.sql", CREATE_USERS);

    new Migrations(new MigrationConfig(db.settings(), scripts.folder())).up(Target.head(), listener);
    MyBatisOperations.run(myBatis, TestScripts.withChangelogOnly(temp.resolve("mybatis")).repository(),
        new UpOperation()::operate);

    assertThat(notices).containsExactly("public.changelog");
    assertThat(db.tables()).containsExactly("users");
    assertThat(db.appliedIds()).containsExactly("1");
    assertThat(db.changelogColumns()).isEqualTo(myBatis.changelogColumns());
    StatusOperation status = MyBatisOperations.run(db, scripts.repository(), new StatusOperation()::operate);
    assertThat(status.getAppliedCount()).isEqualTo(1);
    assertThat(status.getPendingCount()).isZero();
  }

  @Test
  void aChangelogScriptThatSortsAfterAnotherIsRefusedBeforeAnythingRuns(TestDatabase db) {
    TestScripts scripts = TestScripts.withChangelogOnly(temp).write("1_create_users.sql", CREATE_USERS);

    assertThatThrownBy(() -> new Migrations(new MigrationConfig(db.settings(), scripts.folder()))
        .up(Target.head(), listener))
        .isInstanceOf(StateConflict.class)
        .hasMessageContaining("20251001000000_create_changelog.sql creates the changelog table, but "
            + "1_create_users.sql sorts before it");
    assertThat(db.tables()).isEmpty();
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
    assertThat(notices).isEmpty();
  }

  @Test
  void aRepositoryWhoseFirstScriptCreatesTheChangelogRunsAsBeforeWithoutNotice(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);

    new Migrations(new MigrationConfig(db.settings(), scripts.folder())).up(Target.head(), listener);

    assertThat(notices).isEmpty();
    assertThat(db.appliedIds()).hasSize(3);
  }
}
