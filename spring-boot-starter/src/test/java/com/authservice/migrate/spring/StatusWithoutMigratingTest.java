package com.authservice.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.Migrations;
import com.authservice.migrate.spring.actuator.MigrationsActuatorAutoConfiguration;
import com.authservice.migrate.spring.actuator.MigrationsEndpoint;
import com.authservice.migrate.spring.actuator.MigrationsHealthIndicator;
import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** With {@code authmigrate.enabled=false} nothing runs at start-up, and health says the database is behind. */
class StatusWithoutMigratingTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
      AutoConfigurations.of(AuthMigrateAutoConfiguration.class, MigrationsActuatorAutoConfiguration.class));

  @Test
  void healthIsDownListingPendingMigrationsWhenTheDatabaseIsBehind() {
    TestDatabase database = PostgresServer.get().createDatabase();
    runner.withPropertyValues(connection(database)).withPropertyValues("authmigrate.enabled=false").run(context -> {
      assertThat(context).doesNotHaveBean(StartupMigration.class);
      Health health = context.getBean(MigrationsHealthIndicator.class).health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("current", "none").containsEntry("pending",
          List.of("20251101000000", "20251102000000"));
      assertThat(context.getBean(MigrationsEndpoint.class).status().upToDate()).isFalse();
    });
    assertThat(database.changelog()).isEmpty();
  }

  @Test
  void healthTurnsUpOnceTheMigrationsRan() {
    TestDatabase database = PostgresServer.get().createDatabase();
    runner.withPropertyValues(connection(database)).run(context -> {
      assertThat(context.getBean(MigrationsHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
      assertThat(context.getBean(StartupMigration.class).result().migrations()).hasSize(2);
    });
  }

  @Test
  void healthIsDownWhenTheDatabaseCannotBeReached() {
    runner.withPropertyValues("authmigrate.url=jdbc:postgresql://127.0.0.1:1/nowhere", "authmigrate.user=app",
        "authmigrate.password=s3cret-value", "authmigrate.enabled=false").run(context -> {
          Health health = context.getBean(MigrationsHealthIndicator.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat((String) health.getDetails().get("error")).contains("127.0.0.1:1").doesNotContain("\n");
          assertThat(health.getDetails().toString()).doesNotContain("s3cret-value");
        });
  }

  @Test
  void noDatabaseNamedMeansNoMigrationsBeans() {
    runner.run(context -> assertThat(context).doesNotHaveBean(Migrations.class)
        .doesNotHaveBean(MigrationsHealthIndicator.class));
  }

  @Test
  void anApplicationWhoseDataSourceIsNotPostgresIsLeftAlone() {
    runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:test").run(context -> assertThat(context)
        .hasNotFailed().doesNotHaveBean(Migrations.class));
  }

  @Test
  void aBadUrlIsRefusedNamingThePropertyAndNeverThePassword() {
    runner.withPropertyValues("authmigrate.url=mysql://db/app", "authmigrate.password=s3cret-value").run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      String message = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(failure).getMessage();
      assertThat(message).startsWith("the Spring properties: authmigrate.url is not a PostgreSQL URL")
          .doesNotContain("s3cret-value");
    });
  }

  private static String[] connection(TestDatabase database) {
    return new String[] {"spring.datasource.url=" + database.settings().jdbcUrl(),
        "spring.datasource.username=" + database.server().user(),
        "spring.datasource.password=" + database.server().password()};
  }
}
