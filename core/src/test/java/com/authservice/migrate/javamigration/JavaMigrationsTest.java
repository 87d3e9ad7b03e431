package com.authservice.migrate.javamigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.State;
import com.authservice.migrate.testing.MyBatisOperations;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.apache.ibatis.migration.operations.StatusOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Migrations written in Java, run through the console's core on a real PostgreSQL. */
@ExtendWith(PostgresExtension.class)
class JavaMigrationsTest {

  private static final String CREATE_USERS = "20261201000000_create_users.sql";
  private static final String BACKFILL = "20261207120000_backfill_emails.sql";
  private static final String BACKFILL_ID = "20261207120000";

  @TempDir
  Path temp;

  /** Lower-cases every e-mail in the migration's transaction; undoing sets them back to upper case. */
  public static final class LowerEmails implements JavaMigration {
    @Override
    public void up(Context context) throws Exception {
      try (Statement statement = context.connection().createStatement()) {
        statement.executeUpdate("UPDATE users SET email = lower(email), touched = touched + 1");
      }
    }

    @Override
    public void down(Context context) throws Exception {
      try (Statement statement = context.connection().createStatement()) {
        statement.executeUpdate("UPDATE users SET email = upper(email)");
      }
    }
  }

  /** Changes rows, then fails: in its transaction, nothing of it may stay. */
  public static final class LowerEmailsThenFail implements JavaMigration {
    @Override
    public void up(Context context) throws Exception {
      new LowerEmails().up(context);
      throw new IllegalStateException("the mail server said no");
    }
  }

  /**
   * A batched backfill that commits each batch of 3 and picks up the rows still to do, so a rerun continues where
   * a failure stopped it. {@code failAfterBatches} simulates the interruption.
   */
  public static final class BatchedBackfill implements JavaMigration {
    static int failAfterBatches = -1;

    @Override
    public void up(Context context) throws Exception {
      Connection connection = context.connection();
      int batches = 0;
      while (true) {
        if (batches == failAfterBatches) {
          throw new IllegalStateException("interrupted after " + batches + " batches");
        }
        int done;
        try (Statement statement = connection.createStatement()) {
          done = statement.executeUpdate("UPDATE users SET email = lower(email), touched = touched + 1 "
              + "WHERE id IN (SELECT id FROM users WHERE email <> lower(email) ORDER BY id LIMIT 3)");
        }
        connection.commit();
        if (done == 0) {
          return;
        }
        batches++;
      }
    }

    @Override
    public boolean transactional() {
      return false;
    }
  }

  /** Not a migration at all. */
  public static final class NotAMigration {
  }

  private TestScripts repository(Class<?> java) {
    return TestScripts.withChangelogOnly(temp)
        .write(CREATE_USERS, """
            -- // create users
            CREATE TABLE users (id INT PRIMARY KEY, email TEXT NOT NULL, touched INT NOT NULL DEFAULT 0);
            INSERT INTO users (id, email) SELECT i, 'USER' || i || '@EXAMPLE.COM' FROM generate_series(1, 10) i;
            -- //@UNDO
            DROP TABLE users;
            """)
        .write(BACKFILL, JavaStub.render("backfill emails", java.getName()));
  }

  private static Migrations migrations(TestDatabase db, TestScripts scripts) {
    return new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
  }

  @Test
  void aJavaMigrationRunsInTheRunAndIsRecordedLikeAScript(TestDatabase db) {
    Migrations migrations = migrations(db, repository(LowerEmails.class));

    migrations.up(Target.head(), RunListener.NONE);

    assertThat(db.query("select distinct email = lower(email) from users")).containsExactly("t");
    assertThat(db.changelog()).contains(BACKFILL_ID + "|backfill emails");
    assertThat(db.queryOne("select length(checksum) from changelog where id = " + BACKFILL_ID)).isEqualTo("64");
    assertThat(migrations.status().inState(State.APPLIED)).hasSize(3);
  }

  @Test
  void theRepositorysEachHooksRunAroundAJavaMigrationAsAroundAScript(TestDatabase db) throws IOException {
    TestScripts scripts = repository(LowerEmails.class);
    db.execute("CREATE TABLE hook_log (n serial, what text)");
    Files.createDirectories(temp.resolve("hooks"));
    Files.writeString(temp.resolve("hooks/before.sql"), "INSERT INTO hook_log (what) VALUES ('before');\n");
    Files.writeString(temp.resolve("hooks/after.sql"), "INSERT INTO hook_log (what) VALUES ('after');\n");
    Files.createDirectories(temp.resolve("environments"));
    Files.writeString(temp.resolve("environments/development.properties"),
        "hook_before_each_up=sql:before.sql\nhook_after_each_up=sql:after.sql\n");

    migrations(db, scripts).up(Target.head(), RunListener.NONE);

    String applied = db.queryOne("select count(*) from changelog");
    assertThat(applied).isEqualTo("3");
    assertThat(db.queryOne("select count(*) from hook_log where what = 'before'")).isEqualTo(applied);
    assertThat(db.queryOne("select count(*) from hook_log where what = 'after'")).isEqualTo(applied);
  }

  @Test
  void aFailingJavaMigrationRollsBackItsChangesAndItsRowAndIsNamedInOneLine(TestDatabase db) {
    Migrations migrations = migrations(db, repository(LowerEmailsThenFail.class));

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageContaining(BACKFILL + " line 2: IllegalStateException: the mail server said no")
        .hasMessageContaining(LowerEmailsThenFail.class.getName() + ".up")
        .hasMessageContaining("rolled back")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(db.query("select distinct email = upper(email) from users")).containsExactly("t");
    assertThat(db.appliedIds()).doesNotContain(BACKFILL_ID).contains("20261201000000");
  }

  @Test
  void anInterruptedBatchedBackfillResumesWhereItStoppedAndTouchesNoRowTwice(TestDatabase db) {
    Migrations migrations = migrations(db, repository(BatchedBackfill.class));
    BatchedBackfill.failAfterBatches = 2;
    try {
      assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
          .isInstanceOf(ScriptFailed.class)
          .hasMessageContaining("interrupted after 2 batches")
          .hasMessageContaining("what it committed stays and the migration is not recorded in the changelog");
      assertThat(db.queryOne("select count(*) from users where touched = 1")).isEqualTo("6");
      assertThat(db.appliedIds()).doesNotContain(BACKFILL_ID);
      assertThat(migrations.status().inState(State.PENDING)).hasSize(1);
    } finally {
      BatchedBackfill.failAfterBatches = -1;
    }

    migrations.up(Target.head(), RunListener.NONE);

    assertThat(db.query("select distinct touched from users")).containsExactly("1");
    assertThat(db.query("select distinct email = lower(email) from users")).containsExactly("t");
    assertThat(db.appliedIds()).contains(BACKFILL_ID);
  }

  @Test
  void downRunsTheClassesDownAndDeletesItsRow(TestDatabase db) {
    Migrations migrations = migrations(db, repository(LowerEmails.class));
    migrations.up(Target.head(), RunListener.NONE);

    migrations.down(Target.steps(1), RunListener.NONE);

    assertThat(db.query("select distinct email = upper(email) from users")).containsExactly("t");
    assertThat(db.appliedIds()).doesNotContain(BACKFILL_ID).contains("20261201000000");
  }

  @Test
  void anUnknownClassIsNamedInAOneLineErrorBeforeAnythingRuns(TestDatabase db) {
    TestScripts scripts = repository(LowerEmails.class)
        .write(BACKFILL, JavaStub.render("backfill emails", "com.example.Missing"));

    assertThatThrownBy(() -> migrations(db, scripts).up(Target.head(), RunListener.NONE))
        .isInstanceOf(MalformedScript.class)
        .hasMessage("Malformed migration script " + BACKFILL + ": its Java class com.example.Missing is not on the "
            + "class path; put its source under the repository's java/ folder, or build it onto the console's or the "
            + "application's class path (see docs/java-migrations.md)");
    assertThat(db.tables()).doesNotContain("users");
  }

  @Test
  void aClassThatIsNotAJavaMigrationIsRefusedBeforeAnythingRuns(TestDatabase db) {
    TestScripts scripts = repository(NotAMigration.class);

    assertThatThrownBy(() -> migrations(db, scripts).up(Target.head(), RunListener.NONE))
        .isInstanceOf(MalformedScript.class)
        .hasMessageContaining("does not implement " + JavaMigration.class.getName());
    assertThat(db.tables()).doesNotContain("users");
  }

  @Test
  void theMyBatisCliRefusesTheStubClearlyAndRecordsNothing(TestDatabase db) {
    TestScripts scripts = repository(LowerEmails.class);

    assertThatThrownBy(() -> MyBatisOperations.run(db, scripts.repository(),
        (connections, loader, options, log) -> new UpOperation().operate(connections, loader, options, log)))
        .hasStackTraceContaining("this migration is written in Java (" + LowerEmails.class.getName()
            + "): run it with the auth-migrate console (bin/migrate up)");
    assertThat(db.appliedIds()).contains("20261201000000").doesNotContain(BACKFILL_ID);
    assertThat(db.query("select distinct email = upper(email) from users")).containsExactly("t");
  }

  @Test
  void theMyBatisCliReadsAJavaMigrationsRowAsApplied(TestDatabase db) {
    TestScripts scripts = repository(LowerEmails.class);
    migrations(db, scripts).up(Target.head(), RunListener.NONE);

    StatusOperation status = MyBatisOperations.run(db, scripts.repository(),
        (connections, loader, options, log) -> new StatusOperation().operate(connections, loader, options, log));

    assertThat(status.getAppliedCount()).isEqualTo(3);
    assertThat(status.getPendingCount()).isZero();
  }

  @Test
  void offlineSqlRefusesAJavaMigrationNamingIt(TestDatabase db) {
    Migrations migrations = migrations(db, repository(LowerEmails.class));

    assertThatThrownBy(() -> migrations.script("base", "head"))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("Offline SQL cannot contain " + BACKFILL + ": it is a Java migration");
    assertThat(migrations.script("base", "20261201000000")).contains("CREATE TABLE users");
  }

  private TestScripts repositoryWithSource(String className, String source) throws IOException {
    TestScripts scripts = repository(LowerEmails.class).write(BACKFILL, JavaStub.render("backfill emails", className));
    Path file = JavaSkeleton.sourceFile(scripts.repository(), className);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    return scripts;
  }

  @Test
  void aJavaMigrationsSourceInTheRepositorysJavaFolderIsCompiledAndRun(TestDatabase db) throws IOException {
    TestScripts scripts = repositoryWithSource("backfill.FromSource", """
        package backfill;

        import com.authservice.migrate.javamigration.JavaMigration;
        import java.sql.Statement;
import java.util.List;

        public class FromSource implements JavaMigration {
          @Override
          public void up(Context context) throws Exception {
            try (Statement statement = context.connection().createStatement()) {
              statement.executeUpdate("UPDATE users SET email = lower(email)");
            }
          }
        }
        """);

    migrations(db, scripts).up(Target.head(), RunListener.NONE);

    assertThat(db.query("select distinct email = lower(email) from users")).containsExactly("t");
    assertThat(db.appliedIds()).contains(BACKFILL_ID);
  }

  @Test
  void aSourceThatDoesNotCompileIsNamedInOneLineBeforeAnythingRuns(TestDatabase db) throws IOException {
    TestScripts scripts = repositoryWithSource("backfill.Broken", """
        package backfill;

        public class Broken implements com.authservice.migrate.javamigration.JavaMigration {
          public void up(Context context) { undefinedCall(); }
        }
        """);

    assertThatThrownBy(() -> migrations(db, scripts).up(Target.head(), RunListener.NONE))
        .isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("do not compile: Broken.java line 4: cannot find symbol")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(db.tables()).doesNotContain("users");
  }

  @Test
  void newJavaWritesAStubAndAClassSkeletonThatFailsUntilWritten(TestDatabase db) throws IOException {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    Migrations migrations = migrations(db, scripts);

    List<Path> written = migrations.newJavaMigration("Backfill user emails");

    assertThat(written.get(0).getFileName().toString()).endsWith("_Backfill_user_emails.sql");
    assertThat(Files.readString(written.get(0))).contains("-- migrate:java migrations.BackfillUserEmails")
        .contains("-- //@UNDO");
    assertThat(written.get(1)).isEqualTo(scripts.repository().resolve("java/migrations/BackfillUserEmails.java"));
    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageContaining("UnsupportedOperationException: write up() of migrations.BackfillUserEmails");
    assertThatThrownBy(() -> migrations.newJavaMigration("Backfill user-emails"))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("exists already");
  }
}
