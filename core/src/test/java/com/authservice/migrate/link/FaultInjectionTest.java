package com.authservice.migrate.link;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.RunPolicy;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.testing.FaultProxy;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code up} of 200 migrations while the network between the console and PostgreSQL fails at random: links
 * blackholed one way or both, or reset, many times. Rerun until head, every migration is applied exactly once,
 * none in part, and no run waits on a dead run's lock for longer than the detection time.
 */
@ExtendWith(PostgresExtension.class)
class FaultInjectionTest {

  private static final int MIGRATIONS = 200;
  private static final Duration DETECTION = Duration.ofSeconds(2);
  /** A run that takes longer than this after a cut hangs: the detection time plus the read-back, with room. */
  private static final Duration HUNG = Duration.ofSeconds(20);

  @TempDir
  Path temp;

  private final ExecutorService runs = Executors.newCachedThreadPool();

  @AfterEach
  void stopRuns() {
    runs.shutdownNow();
  }

  /** The changelog script, a counter table, then 200 migrations that each create a table and count themselves. */
  private TestScripts twoHundredMigrations() {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    scripts.write("20251101000000_create_counter.sql",
        "-- // create counter\nCREATE TABLE applied_once (n int not null);\n-- //@UNDO\nDROP TABLE applied_once;\n");
    for (int i = 1; i <= MIGRATIONS; i++) {
      scripts.write(String.format("20251102%06d_table_%03d.sql", i, i), String.format(
          "-- // table %03d\nCREATE TABLE t_%03d (id int primary key);\nINSERT INTO applied_once VALUES (%d);\n"
              + "-- //@UNDO\nDROP TABLE t_%03d;\n", i, i, i, i));
    }
    return scripts;
  }

  private Migrations through(FaultProxy proxy, TestDatabase db, TestScripts scripts) {
    ConnectionSettings viaProxy = proxy.settings(db.settings());
    return new Migrations(new MigrationConfig(viaProxy, scripts.folder())
        .with(RunPolicy.DEFAULT.withDeadLink(new DeadLink(DETECTION))));
  }

  @Test
  void aSilentNetworkEndsTheRunWithinTheDetectionTimeAndTheRerunContinues(TestDatabase db) throws Exception {
    TestScripts scripts = twoHundredMigrations();
    try (FaultProxy proxy = FaultProxy.to(db.settings())) {
      Migrations migrations = through(proxy, db, scripts);
      AtomicLong cutAt = new AtomicLong();
      java.util.concurrent.atomic.AtomicReference<String> inFlight = new java.util.concurrent.atomic.AtomicReference<>();
      Future<Object> run = runs.submit(() -> migrations.up(Target.head(), new RunListener() {
        @Override
        public void migrationStarting(com.authservice.migrate.result.Migration migration, int done, int total) {
          if (done == 50) {
            inFlight.set(migration.fileName());
            proxy.goSilent();
            cutAt.set(System.nanoTime());
          }
        }
      }));
      Object outcome = outcome(run);
      Duration noticedAfter = Duration.ofNanos(System.nanoTime() - cutAt.get());
      System.out.printf("silent network: noticed after %d ms: %s%n", noticedAfter.toMillis(),
          ((Exception) outcome).getMessage());
      assertThat(outcome).isInstanceOf(MigrationException.class);
      assertThat(((Exception) outcome).getMessage()).contains("Lost the connection").contains(inFlight.get());
      // The watchdog's looks take at most ~T (detection time), the one retry connection its connect time-out on top;
      // 5T leaves room for a loaded CI machine and still fails a run that hangs (before the fix: still waiting at 10T).
      assertThat(noticedAfter).isLessThan(DETECTION.multipliedBy(5));
      proxy.heal();
      migrations.up(Target.head(), RunListener.NONE);
    }
    assertExactlyOnce(db);
  }

  @Test
  void upOfTwoHundredMigrationsSurvivesRandomCutsAndAppliesEachExactlyOnce(TestDatabase db) throws Exception {
    TestScripts scripts = twoHundredMigrations();
    Random random = new Random(24);
    AtomicInteger cuts = new AtomicInteger();
    int reruns = 0;
    Duration longestLockWait = Duration.ZERO;
    long started = System.nanoTime();
    try (FaultProxy proxy = FaultProxy.to(db.settings()).delay(Duration.ofMillis(1))) {
      Migrations migrations = through(proxy, db, scripts);
      Future<?> cutter = runs.submit(() -> cutAtRandom(proxy, random, cuts));
      while (true) {
        LockWaitClock lockWait = new LockWaitClock();
        Object outcome = outcome(runs.submit(() -> migrations.up(Target.head(), lockWait)));
        longestLockWait = max(longestLockWait, lockWait.waited());
        if (!(outcome instanceof Exception)) {
          break;
        }
        reruns++;
        assertThat(reruns).as("reruns needed").isLessThan(200);
      }
      cutter.cancel(true);
    }
    System.out.printf("fault injection: %d cuts survived, %d reruns, longest lock wait %d ms, %d s in all%n",
        cuts.get(), reruns, longestLockWait.toMillis(), Duration.ofNanos(System.nanoTime() - started).toSeconds());
    assertThat(cuts.get()).isGreaterThanOrEqualTo(20);
    assertThat(longestLockWait).isLessThanOrEqualTo(DETECTION.plusSeconds(1));
    assertExactlyOnce(db);
  }

  /** A cut every 50 to 300 ms on a random open link: a reset, or a blackhole one way or both; 40 in all. */
  private static Void cutAtRandom(FaultProxy proxy, Random random, AtomicInteger cuts) throws InterruptedException {
    while (cuts.get() < 40) {
      Thread.sleep(50 + random.nextInt(250));
      List<FaultProxy.Link> open = proxy.links();
      if (open.isEmpty()) {
        continue;
      }
      FaultProxy.Link link = open.get(random.nextInt(open.size()));
      switch (random.nextInt(4)) {
        case 0 -> link.reset();
        case 1 -> link.blackhole(true, false);
        case 2 -> link.blackhole(false, true);
        default -> link.blackhole(true, true);
      }
      cuts.incrementAndGet();
    }
    return null;
  }

  /** What the run returned or threw; a run still waiting after {@link #HUNG} fails the test: it hangs. */
  private static Object outcome(Future<?> run) throws Exception {
    try {
      return run.get(HUNG.toSeconds(), TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      run.cancel(true);
      throw new AssertionError("the run still waited " + HUNG.toSeconds() + " s after the link was cut: it hangs");
    }
  }

  private static void assertExactlyOnce(TestDatabase db) {
    List<String> expectedTables = new ArrayList<>();
    List<String> expectedCounts = new ArrayList<>();
    for (int i = 1; i <= MIGRATIONS; i++) {
      expectedTables.add(String.format("t_%03d", i));
      expectedCounts.add(i + "|1");
    }
    assertThat(db.queryOne("select count(*) from changelog where description like 'table %'"))
        .isEqualTo(String.valueOf(MIGRATIONS));
    assertThat(db.queryOne("select count(distinct id) = count(*) from changelog")).isEqualTo("t");
    assertThat(db.tables()).filteredOn(name -> name.startsWith("t_")).containsExactlyElementsOf(expectedTables);
    assertThat(db.query("select n, count(*) from applied_once group by n order by n"))
        .containsExactlyElementsOf(expectedCounts);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** From the first "waiting for the lock" to the lock taken (or the run's end). */
  private static final class LockWaitClock implements RunListener {
    private volatile long waitingSince;
    private volatile long waitedNanos;

    @Override
    public void waitingForLock(String holder) {
      if (waitingSince == 0) {
        waitingSince = System.nanoTime();
      }
    }

    @Override
    public void started(Direction direction, int total) {
      if (waitingSince != 0) {
        waitedNanos = System.nanoTime() - waitingSince;
      }
    }

    Duration waited() {
      if (waitingSince != 0 && waitedNanos == 0) {
        return Duration.ofNanos(System.nanoTime() - waitingSince);
      }
      return Duration.ofNanos(waitedNanos);
    }
  }
}
