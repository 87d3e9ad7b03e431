package com.authservice.migrate.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.domain.AuthModels;
import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.RunCancelled;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.run.Cancellation;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import com.authservice.migrate.verify.VerifyFailure.Check;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} on real broken repositories written here, on a scratch database of the test server: each is caught
 * with the right migration named, and the seed's own migrations pass.
 */
@ExtendWith(PostgresExtension.class)
class VerifierTest {

  private static final String USERS = """
      -- // create users
      CREATE TABLE users (id serial PRIMARY KEY, email varchar(255) NOT NULL, nickname text, bio text);

      -- //@UNDO
      DROP TABLE users;
      """;

  @TempDir
  Path temp;

  private static VerifyReport verify(PostgresServer server, TestScripts scripts, boolean withData,
      TargetHistory target) {
    try (ScratchDatabase scratch = ScratchDatabase.create(server.settings("postgres"))) {
      return new Verifier(scripts.folder(), List.of(), withData).verify(scratch, target);
    }
  }

  private static VerifyReport verify(PostgresServer server, TestScripts scripts) {
    return verify(server, scripts, true, TargetHistory.notConfigured());
  }

  private TestScripts usersAnd(String fileName, String script) {
    return TestScripts.withChangelogOnly(temp).write("20251101000000_create_users.sql", USERS).write(fileName, script);
  }

  private static List<VerifyFailure> failuresOf(VerifyReport report, Check check) {
    return report.failures().stream().filter(failure -> failure.check() == check).toList();
  }

  @Test
  void theSeedsOwnMigrationsPassWithDataAndModels(PostgresServer server) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);

    VerifyReport report;
    try (ScratchDatabase scratch = ScratchDatabase.create(server.settings("postgres"))) {
      report = new Verifier(scripts.folder(), AuthModels.ALL, true).verify(scratch, TargetHistory.notConfigured());
    }

    assertThat(report.failures()).isEmpty();
    assertThat(report.passed()).isTrue();
    assertThat(report.roundTrips()).isEqualTo(report.migrations()).isEqualTo(3);
    assertThat(report.server()).startsWith("PostgreSQL ");
    assertThat(report.notes()).noneMatch(note -> note.startsWith("no sample rows"))
        .anyMatch(note -> note.contains("no target database is configured"));
  }

  @Test
  void aTargetOnAnotherMajorVersionThanTheScratchServerIsSaidInANote(PostgresServer server, TestDatabase target) {
    TestScripts scripts = TestScripts.withChangelogOnly(temp).write("20251101000000_create_users.sql", USERS);
    Migrations onTarget = new Migrations(new MigrationConfig(target.settings(), scripts.folder()));
    String scratchMajor = target.query("select current_setting('server_version_num')::int / 10000").get(0);
    int otherMajor = Integer.parseInt(scratchMajor) - 3;

    VerifyReport other = verify(server, scripts, true, TargetHistory.of(target.name(), onTarget.status())
        .runningOn("PostgreSQL " + otherMajor + ".4 (Debian " + otherMajor + ".4-1) on x86_64-pc-linux-gnu"));
    VerifyReport same = verify(server, scripts, true, TargetHistory.of(target.name(), onTarget.status())
        .runningOn("PostgreSQL " + scratchMajor + ".0 on x86_64-pc-linux-gnu"));

    assertThat(other.passed()).isTrue();
    assertThat(other.notes()).anyMatch(note -> note.startsWith("the target runs PostgreSQL " + otherMajor
        + ".4, verify ran on PostgreSQL " + scratchMajor + "."));
    assertThat(same.notes()).noneMatch(note -> note.contains("the target runs"));
  }

  @Test
  void aStaleSchemaFileFailsAndWriteSchemaMakesItCurrent(PostgresServer server) throws IOException {
    TestScripts scripts = TestScripts.withChangelogOnly(temp).write("20251101000000_create_users.sql", USERS);
    Path file = temp.resolve("schema.sql");
    Files.writeString(file, "-- an old schema\nCREATE TABLE public.users (id integer);\n");

    VerifyReport stale = verify(server, scripts);
    VerifyReport written;
    try (ScratchDatabase scratch = ScratchDatabase.create(server.settings("postgres"))) {
      written = new Verifier(scripts.folder(), List.of(), true, true).verify(scratch, TargetHistory.notConfigured());
    }
    String text = Files.readString(file);
    VerifyReport current = verify(server, scripts);

    assertThat(failuresOf(stale, Check.SCHEMA_FILE)).singleElement().satisfies(failure -> {
      assertThat(failure.script()).contains("schema.sql");
      assertThat(failure.details()).contains("- CREATE TABLE public.users (id integer);");
    });
    assertThat(written.passed()).isTrue();
    assertThat(text).contains("users").contains("email").doesNotContain("an old schema");
    assertThat(current.failures()).isEmpty();
    assertThat(Files.readString(file)).isEqualTo(text);
  }

  @Test
  void anUndoThatForgetsAnIndexIsNamedWithTheIndexItLeaves(PostgresServer server) {
    TestScripts scripts = usersAnd("20251102000000_index_nickname.sql", """
        -- // index nickname
        CREATE INDEX ix_users_nickname ON users (nickname);

        -- //@UNDO
        SELECT 1;
        """);

    VerifyReport report = verify(server, scripts);

    assertThat(report.passed()).isFalse();
    assertThat(failuresOf(report, Check.UNDO)).singleElement().satisfies(failure -> {
      assertThat(failure.script()).contains("20251102000000_index_nickname.sql");
      assertThat(failure.details()).containsExactly(
          "added index ix_users_nickname: CREATE INDEX ix_users_nickname ON public.users USING btree (nickname);");
    });
    assertThat(report.roundTrips()).isEqualTo(2);
  }

  @Test
  void anUndoThatDropsAColumnTheUpDidNotAddIsNamedWithTheColumn(PostgresServer server) {
    TestScripts scripts = usersAnd("20251102000000_add_age.sql", """
        -- // add age
        ALTER TABLE users ADD COLUMN age integer;

        -- //@UNDO
        ALTER TABLE users DROP COLUMN age;
        ALTER TABLE users DROP COLUMN bio;
        """);

    VerifyReport report = verify(server, scripts);

    assertThat(failuresOf(report, Check.UNDO)).singleElement().satisfies(failure -> {
      assertThat(failure.script()).contains("20251102000000_add_age.sql");
      assertThat(failure.details()).containsExactly("removed column users.bio: ALTER TABLE users ADD COLUMN bio text;");
    });
  }

  @Test
  void aNotNullColumnAddedToATableWithRowsFailsWithRowsAndPassesEmpty(PostgresServer server) {
    TestScripts scripts = usersAnd("20251102000000_add_country.sql", """
        -- // add country
        ALTER TABLE users ADD COLUMN country varchar(2) NOT NULL;

        -- //@UNDO
        ALTER TABLE users DROP COLUMN country;
        """);

    VerifyReport withRows = verify(server, scripts, true, TargetHistory.notConfigured());
    VerifyReport empty = verify(server, scripts, false, TargetHistory.notConfigured());

    assertThat(failuresOf(withRows, Check.APPLY)).singleElement().satisfies(failure -> {
      assertThat(failure.script()).contains("20251102000000_add_country.sql");
      assertThat(failure.message()).contains("fails on tables with rows").contains("country");
    });
    assertThat(failuresOf(empty, Check.APPLY)).isEmpty();
    assertThat(failuresOf(empty, Check.UNDO)).isEmpty();
  }

  @Test
  void aNewUniqueConstraintOverDuplicatedValuesFailsWithRows(PostgresServer server) {
    TestScripts scripts = usersAnd("20251102000000_unique_nickname.sql", """
        -- // unique nickname
        ALTER TABLE users ADD CONSTRAINT uq_users_nickname UNIQUE (nickname);

        -- //@UNDO
        ALTER TABLE users DROP CONSTRAINT uq_users_nickname;
        """);

    VerifyReport report = verify(server, scripts);

    assertThat(failuresOf(report, Check.APPLY)).singleElement().satisfies(failure -> {
      assertThat(failure.script()).contains("20251102000000_unique_nickname.sql");
      assertThat(failure.message()).contains("uq_users_nickname");
    });
  }

  @Test
  void twoScriptsWithOneIdAreNamedAndNothingRuns(PostgresServer server) {
    TestScripts scripts = usersAnd("20251101000000_create_items.sql", """
        -- // create items
        CREATE TABLE items (id serial PRIMARY KEY);

        -- //@UNDO
        DROP TABLE items;
        """);

    VerifyReport report = verify(server, scripts);

    assertThat(failuresOf(report, Check.IDS)).singleElement().satisfies(failure -> {
      assertThat(failure.script()).contains("20251101000000_create_users.sql");
      assertThat(failure.message()).contains("20251101000000_create_items.sql");
    });
    assertThat(report.roundTrips()).isZero();
  }

  @Test
  void aScriptOlderThanOneTheTargetAppliedIsOutOfOrderUnlessTheRepositoryAllowsIt(PostgresServer server,
      TestDatabase target) throws IOException {
    TestScripts scripts = usersAnd("20251103000000_create_items.sql", """
        -- // create items
        CREATE TABLE items (id serial PRIMARY KEY);

        -- //@UNDO
        DROP TABLE items;
        """);
    Migrations onTarget = new Migrations(new MigrationConfig(target.settings(), scripts.folder()));
    onTarget.up(Target.head(), RunListener.NONE);
    scripts.write("20251102000000_create_tags.sql", """
        -- // create tags
        CREATE TABLE tags (id serial PRIMARY KEY);

        -- //@UNDO
        DROP TABLE tags;
        """);

    VerifyReport refused = verify(server, scripts, true, TargetHistory.of(target.name(), onTarget.status()));
    Files.createDirectories(scripts.repository().resolve("environments"));
    Files.writeString(scripts.repository().resolve("environments/development.properties"), "allow_out_of_order=true\n");
    VerifyReport allowed = verify(server, scripts, true, TargetHistory.of(target.name(), onTarget.status()));

    assertThat(failuresOf(refused, Check.OUT_OF_ORDER)).singleElement()
        .satisfies(failure -> assertThat(failure.script()).contains("20251102000000_create_tags.sql"));
    assertThat(allowed.failures()).isEmpty();
    assertThat(allowed.notes()).anyMatch(note -> note.contains("20251102000000_create_tags.sql"));
  }

  @Test
  void aScriptStrictLintRefusesIsAFailureUnlessAllowed(PostgresServer server) {
    String dropColumn = """
        -- // drop bio
        %sALTER TABLE users DROP COLUMN bio;

        -- //@UNDO
        ALTER TABLE users ADD COLUMN bio text;
        """;
    TestScripts refused = usersAnd("20251102000000_drop_bio.sql", dropColumn.formatted(""));

    VerifyReport report = verify(server, refused);
    refused.write("20251102000000_drop_bio.sql", dropColumn.formatted("-- migrate:allow ban-drop-column\n"));
    VerifyReport allowed = verify(server, refused);

    assertThat(failuresOf(report, Check.LINT)).singleElement().satisfies(failure -> {
      assertThat(failure.script()).contains("20251102000000_drop_bio.sql");
      assertThat(failure.message()).contains("ban-drop-column");
    });
    assertThat(allowed.failures()).isEmpty();
  }

  @Test
  void theSchemaAtHeadIsComparedWithTheModels(PostgresServer server) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp).write("20251120000000_add_nickname.sql", """
        -- // add nickname
        ALTER TABLE users ADD COLUMN nickname text;

        -- //@UNDO
        ALTER TABLE users DROP COLUMN nickname;
        """);

    VerifyReport report;
    try (ScratchDatabase scratch = ScratchDatabase.create(server.settings("postgres"))) {
      report = new Verifier(scripts.folder(), AuthModels.ALL, true).verify(scratch, TargetHistory.notConfigured());
    }

    assertThat(failuresOf(report, Check.MODELS)).singleElement()
        .satisfies(failure -> assertThat(failure.details()).anyMatch(line -> line.contains("nickname")));
  }

  @Test
  void theScratchDatabaseIsDroppedAfterwards(PostgresServer server, TestDatabase any) {
    String name;
    try (ScratchDatabase scratch = ScratchDatabase.create(server.settings("postgres"))) {
      name = scratch.settings().database();
      assertThat(any.query("select datname from pg_database where datname = '" + name + "'")).hasSize(1);
    }

    assertThat(any.query("select datname from pg_database where datname = '" + name + "'")).isEmpty();
  }

  @Test
  void aCancelStopsVerifyAtOnceAndItsScratchDatabaseIsDropped(PostgresServer server, TestDatabase any)
      throws Exception {
    TestScripts scripts = usersAnd("20251102000000_slow.sql", """
        -- // slow
        CREATE TABLE slow_table (id integer);
        SELECT pg_sleep(30);

        -- //@UNDO
        DROP TABLE slow_table;
        """);
    Cancellation token = new Cancellation();
    String[] name = new String[1];
    CompletableFuture<VerifyReport> run = CompletableFuture.supplyAsync(() -> {
      try (ScratchDatabase scratch = ScratchDatabase.create(server.settings("postgres"))) {
        name[0] = scratch.settings().database();
        return new Verifier(scripts.folder(), List.of(), true).cancellableBy(token).verify(scratch,
            TargetHistory.notConfigured());
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (any.query("select pid from pg_stat_activity where query like '%pg_sleep(30)%' and state = 'active'"
        + " and pid <> pg_backend_pid()").isEmpty()) {
      assertThat(System.nanoTime()).as("the slow migration runs on the scratch database").isLessThan(deadline);
      Thread.sleep(50);
    }

    long cancelled = System.nanoTime();
    token.cancel();

    assertThatThrownBy(() -> run.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
        .cause().isInstanceOf(RunCancelled.class).hasMessageContaining("only the scratch database changed");
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - cancelled)).as("seconds to stop").isLessThan(5);
    assertThat(any.query("select datname from pg_database where datname = '" + name[0] + "'")).isEmpty();
  }

  /** Rows that meet the table's checks (a bound, a list of values, a length, two columns compared) get in first. */
  @Test
  void tablesWithCheckConstraintsGetRowsSoANotNullColumnWithoutDefaultFailsThere(PostgresServer server) {
    TestScripts scripts = TestScripts.withChangelogOnly(temp).write("20251101000000_create_orders.sql", """
        -- // create orders
        CREATE TABLE orders (id serial PRIMARY KEY, qty integer NOT NULL CHECK (qty > 5),
          status varchar(20) NOT NULL CHECK (status IN ('open', 'shipped')),
          code varchar(100) NOT NULL UNIQUE CHECK (length(code) <= 3),
          starts integer NOT NULL, ends integer NOT NULL, CONSTRAINT ordered CHECK (starts < ends));

        -- //@UNDO
        DROP TABLE orders;
        """).write("20251102000000_add_note.sql", """
        -- // add note
        ALTER TABLE orders ADD COLUMN note text NOT NULL;

        -- //@UNDO
        ALTER TABLE orders DROP COLUMN note;
        """);

    VerifyReport report = verify(server, scripts);

    assertThat(report.notes()).noneMatch(note -> note.startsWith("no sample rows"));
    assertThat(failuresOf(report, Check.APPLY)).singleElement()
        .satisfies(failure -> assertThat(failure.script()).contains("20251102000000_add_note.sql"));
  }

  @Test
  void aTableWhoseCheckNoValueMeetsIsNamedInANote(PostgresServer server) {
    TestScripts scripts = TestScripts.withChangelogOnly(temp).write("20251101000000_create_odd.sql", """
        -- // create odd
        CREATE TABLE odd (id serial PRIMARY KEY, n integer NOT NULL CHECK (n % 7 = 3 AND n > 1000));

        -- //@UNDO
        DROP TABLE odd;
        """).write("20251102000000_comment_odd.sql", """
        -- // comment odd
        COMMENT ON TABLE odd IS 'sample rows are put in before this migration';

        -- //@UNDO
        COMMENT ON TABLE odd IS NULL;
        """);

    VerifyReport report = verify(server, scripts);

    assertThat(report.passed()).isTrue();
    assertThat(report.notes()).anyMatch(note -> note.startsWith("no sample rows in table odd: ")
        && note.contains("odd_n_check") && note.contains("set(s) of values tried"));
  }

  @Test
  void repeatableScriptsApplyOnceAtHeadAndLeaveTheRoundTripsTheModelsAndTheSchemaAlone(PostgresServer server)
      throws java.io.IOException {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    java.nio.file.Path folder = java.nio.file.Files.createDirectories(scripts.repository().resolve("repeatable"));
    java.nio.file.Files.writeString(folder.resolve("R__active_users_view.sql"),
        "CREATE OR REPLACE VIEW active_users AS SELECT id, email, phone_number FROM users;\n");

    VerifyReport report;
    try (ScratchDatabase scratch = ScratchDatabase.create(server.settings("postgres"))) {
      report = new Verifier(scripts.folder(), AuthModels.ALL, true).verify(scratch, TargetHistory.notConfigured());
    }

    assertThat(report.failures()).isEmpty();
    assertThat(report.roundTrips()).isEqualTo(3);
    assertThat(report.modelsCompared()).isTrue();
  }

  @Test
  void aFailingRepeatableScriptIsNamed(PostgresServer server) throws java.io.IOException {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    java.nio.file.Path folder = java.nio.file.Files.createDirectories(scripts.repository().resolve("repeatable"));
    java.nio.file.Files.writeString(folder.resolve("R__broken.sql"), "CREATE VIEW broken AS SELECT nope FROM users;\n");

    VerifyReport report = verify(server, scripts);

    assertThat(report.failures()).extracting(f -> f.script().orElse("")).containsExactly("repeatable/R__broken.sql");
    assertThat(report.failures().get(0).message()).contains("column \"nope\" does not exist");
    assertThat(report.roundTrips()).isEqualTo(3);
  }
}
