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
