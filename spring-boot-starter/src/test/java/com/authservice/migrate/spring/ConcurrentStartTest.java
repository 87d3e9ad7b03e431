package com.authservice.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.TestDatabase;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Two instances of a service starting at once on one database: both start, each migration is applied once. */
class ConcurrentStartTest {

  @Test
  void twoInstancesStartingTogetherApplyEachMigrationOnce() {
    TestDatabase database = PostgresServer.get().createDatabase();
    ApplicationContextRunner instance = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(AuthMigrateAutoConfiguration.class))
        .withPropertyValues("spring.datasource.url=" + database.settings().jdbcUrl(),
            "spring.datasource.username=" + database.server().user(),
            "spring.datasource.password=" + database.server().password());
    CyclicBarrier together = new CyclicBarrier(2);

    List<CompletableFuture<Integer>> starts = List.of(1, 2).stream().map(n -> CompletableFuture.supplyAsync(() -> {
      int[] applied = new int[1];
      await(together);
      instance.run(context -> {
        assertThat(context).hasNotFailed();
        applied[0] = context.getBean(StartupMigration.class).result().migrations().size();
      });
      return applied[0];
    })).toList();

    assertThat(starts.stream().map(CompletableFuture::join).mapToInt(Integer::intValue).sum()).isEqualTo(2);
    assertThat(database.changelog()).hasSize(2);
  }

  private static void await(CyclicBarrier barrier) {
    try {
      barrier.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
