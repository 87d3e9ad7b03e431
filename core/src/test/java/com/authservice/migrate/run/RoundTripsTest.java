package com.authservice.migrate.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.testing.FaultProxy;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a command costs across a link, counted in round trips by a proxy between the console and the server: across
 * a network each one is a wait of the link's latency (40 ms to another region), so a change that adds one to every
 * run shows here. Counted after connecting (the handshake is the driver's and the server's affair).
 */
@ExtendWith(PostgresExtension.class)
class RoundTripsTest {

  private static final int MIGRATIONS = 20;

  @TempDir
  Path temp;

  @Test
  void upNeedsAtMostThreeRoundTripsBeforeTheFirstMigrationAndOneForEach(TestDatabase db) {
    TestScripts scripts = deployedOnce(db);
    for (int i = 1; i <= MIGRATIONS; i++) {
      scripts.write(String.format("20251102%06d_table_%02d.sql", i, i), String.format(
          "-- // table %02d\nCREATE TABLE t_%02d (id int primary key, name text DEFAULT now()::text);\n"
              + "ALTER TABLE users ADD COLUMN c_%02d integer;\n-- //@UNDO\nDROP TABLE t_%02d;\n", i, i, i, i));
    }
    try (FaultProxy proxy = FaultProxy.to(db.settings())) {
      ConnectionSettings viaProxy = proxy.settings(db.settings());
      long connecting = connecting(proxy, viaProxy);
      Phases phases = new Phases(proxy);
      long before = proxy.exchanges();
      RunResult result = new Migrations(new MigrationConfig(viaProxy, scripts.folder())).up(Target.head(), phases);
      long all = proxy.exchanges() - before - connecting;
      long setUp = phases.firstStarting - before - connecting;
      long migrations = phases.lastFinished - phases.firstStarting;
      long tearDown = proxy.exchanges() - phases.lastFinished;
      System.out.printf("round trips of up of %d after connecting (%d): set-up %d, migrations %d, tear-down %d%n",
          MIGRATIONS, connecting, setUp, migrations, tearDown);

      assertThat(result.migrations()).hasSize(MIGRATIONS);
      assertThat(setUp).as("round trips before the first migration").isLessThanOrEqualTo(3);
      assertThat(migrations).as("round trips of " + MIGRATIONS + " migrations").isLessThanOrEqualTo(
          (long) Math.floor(MIGRATIONS * 1.1));
      assertThat(tearDown).as("round trips after the last migration").isLessThanOrEqualTo(2);
      assertThat(all).isEqualTo(setUp + migrations + tearDown);
    }
    assertThat(db.queryOne("select count(*) from changelog where description like 'table %'"))
        .isEqualTo(String.valueOf(MIGRATIONS));
  }

  /**
   * The shapes a repository's migrations take, each as the {@code i}-th of a run: what one migration costs must not
   * depend on what it holds, as long as it runs in a transaction.
   */
  enum Shape {
    PLAIN_DDL("CREATE TABLE s_%1$02d (id bigint PRIMARY KEY, name text NOT NULL);\n"
        + "CREATE INDEX ix_s_%1$02d_name ON s_%1$02d (name);\n"),
    DML_WITH_ROWS("INSERT INTO users (email, hashed_password, full_name) VALUES ('a%1$02d@x.org', 'x', 'a%1$02d'),"
        + " ('b%1$02d@x.org', 'x', 'b%1$02d');\n"
        + "INSERT INTO users (email, hashed_password, full_name)\n"
        + "  SELECT 'g%1$02d_' || g || '@x.org', 'x', 'g%1$02d' FROM generate_series(1, 50) g;\n"
        + "UPDATE users SET is_active = false WHERE full_name = 'g%1$02d';\n"
        + "DELETE FROM users WHERE email = 'b%1$02d@x.org';\n"),
    STATEMENTS_THAT_RETURN_ROWS("CREATE SEQUENCE seq_%1$02d;\n"
        + "SELECT setval('seq_%1$02d', 1000);\n"
        + "WITH moved AS (UPDATE users SET is_active = true WHERE full_name = 'nobody' RETURNING id)"
        + " SELECT count(*) FROM moved;\n"),
    SEVERAL_STATEMENTS("CREATE TABLE m_%1$02d (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);\n"
        + "ALTER TABLE m_%1$02d ADD COLUMN created timestamptz NOT NULL DEFAULT now();\n"
        + "COMMENT ON TABLE m_%1$02d IS 'shape %1$02d; with a semicolon';\n"
        + "CREATE VIEW v_%1$02d AS SELECT id, note FROM m_%1$02d;\n"
        + "CREATE FUNCTION f_%1$02d() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN %1$d; END; $$;\n"
        + "INSERT INTO m_%1$02d (note) VALUES ('a'), ('b;c');\n"
        + "CREATE INDEX ix_m_%1$02d ON m_%1$02d (created);\n"
        + "ANALYZE m_%1$02d;\n"),
    /** Every other one with its own time-outs and a lint waiver: the settings change from one to the next. */
    DIRECTIVES("%2$sCREATE TABLE d_%1$02d (id bigint PRIMARY KEY);\n"
        + "-- migrate:allow constraint-missing-not-valid (an empty table)\n"
        + "ALTER TABLE d_%1$02d ADD COLUMN user_id integer REFERENCES users (id);\n");

    private final String up;

    Shape(String up) {
      this.up = up;
    }

    String script(int i) {
      String directives = i % 2 == 0 ? "-- migrate:lock-timeout 7s\n-- migrate:statement-timeout 1min\n" : "";
      return String.format("-- // shape %1$02d\n" + up + "-- //@UNDO\nSELECT 1;\n", i, directives);
    }
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void upNeedsAtMostOnePointOneRoundTripsPerMigrationOfEveryShapeThatRunsInATransaction(Shape shape,
      TestDatabase db) {
    TestScripts scripts = deployedOnce(db);
    for (int i = 1; i <= MIGRATIONS; i++) {
      scripts.write(String.format("20251103%06d_shape_%02d.sql", i, i), shape.script(i));
    }
    try (FaultProxy proxy = FaultProxy.to(db.settings())) {
      Phases phases = new Phases(proxy);
      RunResult result = new Migrations(new MigrationConfig(proxy.settings(db.settings()), scripts.folder()))
          .up(Target.head(), phases);
      long migrations = phases.lastFinished - phases.firstStarting;
      System.out.printf("round trips of up of %d migrations shaped %s: %d%n", MIGRATIONS, shape, migrations);

      assertThat(result.migrations()).hasSize(MIGRATIONS);
      assertThat(migrations).as("round trips of " + MIGRATIONS + " migrations shaped " + shape)
          .isLessThanOrEqualTo((long) Math.floor(MIGRATIONS * 1.1));
    }
    assertThat(db.queryOne("select count(*) from changelog where description like 'shape %'"))
        .isEqualTo(String.valueOf(MIGRATIONS));
  }

  @Test
  void upWithNothingPendingNeedsAtMostThreeRoundTripsInAll(TestDatabase db) {
    TestScripts scripts = deployedOnce(db);
    List<RunResult> result = new ArrayList<>();
    long all = roundTripsAfterConnecting(db, scripts, migrations -> result.add(migrations.up(Target.head(),
        RunListener.NONE)));
    System.out.printf("round trips of up with nothing pending, after connecting: %d%n", all);

    assertThat(result.get(0).migrations()).isEmpty();
    assertThat(all).isLessThanOrEqualTo(3);
  }

  @Test
  void statusNeedsAtMostTwoRoundTrips(TestDatabase db) {
    TestScripts scripts = deployedOnce(db);
    List<StatusReport> status = new ArrayList<>();
    long all = roundTripsAfterConnecting(db, scripts, migrations -> status.add(migrations.status()));
    System.out.printf("round trips of status after connecting: %d%n", all);

    assertThat(status.get(0).inState(State.APPLIED)).hasSize(scripts.folder().migrations().size());
    assertThat(all).isLessThanOrEqualTo(2);
  }

  @Test
  void statusOfADatabaseWithoutAChangelogNeedsAtMostTwoRoundTrips(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    List<StatusReport> status = new ArrayList<>();
    long all = roundTripsAfterConnecting(db, scripts, migrations -> status.add(migrations.status()));

    assertThat(status.get(0).inState(State.PENDING)).hasSize(scripts.folder().migrations().size());
    assertThat(all).isLessThanOrEqualTo(2);
  }

  /** The round trips {@code command} costs through a proxy, its connection's handshake left out. */
  private static long roundTripsAfterConnecting(TestDatabase db, TestScripts scripts, Consumer<Migrations> command) {
    try (FaultProxy proxy = FaultProxy.to(db.settings())) {
      ConnectionSettings viaProxy = proxy.settings(db.settings());
      long connecting = connecting(proxy, viaProxy);
      long before = proxy.exchanges();
      command.accept(new Migrations(new MigrationConfig(viaProxy, scripts.folder())));
      return proxy.exchanges() - before - connecting;
    }
  }

  /** The project's repository applied directly, as a deploy before this one left it. */
  private TestScripts deployedOnce(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    new Migrations(new MigrationConfig(db.settings(), scripts.folder())).up(Target.head(), RunListener.NONE);
    return scripts;
  }

  /** The round trips of opening and closing one connection through {@code proxy}: the handshake alone. */
  private static long connecting(FaultProxy proxy, ConnectionSettings viaProxy) {
    long before = proxy.exchanges();
    try (Connection connection = new Database(viaProxy).open()) {
      assertThat(connection.isClosed()).isFalse();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return proxy.exchanges() - before;
  }

  /** The proxy's count when the first migration starts and when the last one has finished. */
  private static final class Phases implements RunListener {
    private final FaultProxy proxy;
    private long firstStarting = -1;
    private long lastFinished;

    Phases(FaultProxy proxy) {
      this.proxy = proxy;
    }

    @Override
    public void migrationStarting(Migration migration, int done, int total) {
      if (firstStarting < 0) {
        firstStarting = proxy.exchanges();
      }
    }

    @Override
    public void migrationFinished(Migration migration, int done, int total) {
      lastFinished = proxy.exchanges();
    }
  }
}
