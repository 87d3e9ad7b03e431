package com.authservice.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.errors.LintRefused;
import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The start-up run lints like the console's {@code up}: a warning by default, a refusal with strict lint. */
@ExtendWith(OutputCaptureExtension.class)
class StartupLintTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(AuthMigrateAutoConfiguration.class));

  @Test
  void strictLintRefusesToStartOverALockingIndexAndAppliesNothing(CapturedOutput output) {
    TestDatabase database = PostgresServer.get().createDatabase();
    ApplicationContextRunner onDatabase = runner.withPropertyValues(
        "authmigrate.url=" + database.settings().jdbcUrl(), "authmigrate.user=" + database.server().user(),
        "authmigrate.password=" + database.server().password(),
        "authmigrate.location=file:src/test/resources/db/locking");
    onDatabase.withPropertyValues("authmigrate.target=20251101000000")
        .run(context -> assertThat(context).hasNotFailed());

    onDatabase.withPropertyValues("authmigrate.strict-lint=true").run(context -> {
      assertThat(context).hasFailed();
      Throwable cause = context.getStartupFailure();
      while (cause.getCause() != null && !(cause instanceof LintRefused)) {
        cause = cause.getCause();
      }
      assertThat(cause).isInstanceOf(LintRefused.class);
    });
    assertThat(output.getAll()).contains("auth-migrate lint: 20251104000000_index_account_emails.sql line 3: "
        + "require-concurrent-index-creation");
    assertThat(database.changelog()).containsExactly("20251101000000|create accounts");

    onDatabase.run(context -> assertThat(context).hasNotFailed());
    assertThat(database.changelog()).hasSize(2);
  }
}
