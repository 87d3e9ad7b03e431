package com.authservice.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.spring.app.AccountsApplication;
import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A migration that fails stops the application's start, with the one-line message and nothing half applied. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureTest {

  @Test
  void aFailingMigrationStopsTheStartWithItsOneLineMessage(CapturedOutput output) {
    TestDatabase database = PostgresServer.get().createDatabase();

    Throwable failure = catchThrowable(() -> start(database, "classpath:db/failing"));

    MigrationException migrationFailure = findMigrationException(failure);
    assertThat(migrationFailure).as("cause chain of %s", failure).isNotNull();
    assertThat(migrationFailure.getMessage()).startsWith("20251103000000_add_broken_column.sql line 4:")
        .doesNotContain("\n");
    assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
        .contains("auth-migrate: " + migrationFailure.getMessage());
    // The failing migration was rolled back whole; those before it stay applied and recorded.
    assertThat(database.tables()).containsExactly("accounts");
    assertThat(database.changelog()).containsExactly("20251101000000|create accounts");
  }

  @Test
  void anUnusableLocationStopsTheStartNamingTheProperty(CapturedOutput output) {
    TestDatabase database = PostgresServer.get().createDatabase();

    Throwable failure = catchThrowable(() -> start(database, "classpath:../etc"));

    assertThat(findMigrationException(failure).getMessage())
        .startsWith("authmigrate.location=classpath:../etc is not a class path folder");
    assertThat(database.changelog()).isEmpty();
  }

  private static void start(TestDatabase database, String location) {
    new SpringApplicationBuilder(AccountsApplication.class).web(WebApplicationType.NONE)
        .properties("spring.datasource.url=" + database.settings().jdbcUrl(),
            "spring.datasource.username=" + database.server().user(),
            "spring.datasource.password=" + database.server().password(),
            "authmigrate.location=" + location)
        .run().close();
  }

  private static MigrationException findMigrationException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof MigrationException found) {
        return found;
      }
    }
    return null;
  }
}
