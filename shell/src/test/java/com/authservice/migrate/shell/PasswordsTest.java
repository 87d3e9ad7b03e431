package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PasswordProtectedDatabase;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets against a server that checks them: every way of giving a password connects when it is right,
 * fails in one line when it is wrong, and no output, debug log included, ever shows it.
 */
@ExtendWith(PostgresExtension.class)
class PasswordsTest {

  private static final String WRONG = "wrong-Passw0rd";

  @TempDir
  Path dir;

  @Test
  void postgresPasswordConnectsWhenRightAndFailsInOneLineWhenWrong(TestDatabase db) {
    PasswordProtectedDatabase checked = PasswordProtectedDatabase.of(db);
    Console console = Console.inCheckout(dir, checked.settings());

    Run up = console.run("up");
    Run wrong = console.with("POSTGRES_PASSWORD", WRONG).run("status");
    Run wrongWithDebug = console.run("--debug", "status");

    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(checked.database().appliedIds()).hasSize(3);
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).isEqualTo("Error: PostgreSQL at " + checked.settings().target()
        + " rejected the password for user \"" + checked.user() + "\". Check them: set POSTGRES_USER and "
        + "POSTGRES_PASSWORD (environment or .env)." + System.lineSeparator());
    assertThat(wrongWithDebug.exitCode()).isEqualTo(1);
    assertThat(up.out() + up.err() + wrong.out() + wrong.err() + wrongWithDebug.out() + wrongWithDebug.err())
        .doesNotContain(checked.password()).doesNotContain(WRONG);
  }

  @Test
  void passwordEnvAndPasswordFileConnectWhenRightAndFailWhenWrong(TestDatabase stagingDb, TestDatabase qaDb)
      throws Exception {
    PasswordProtectedDatabase staging = PasswordProtectedDatabase.of(stagingDb);
    PasswordProtectedDatabase qa = PasswordProtectedDatabase.of(qaDb);
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    Path folder = Files.createDirectories(dir.resolve("migrations/environments"));
    Files.writeString(folder.resolve("staging.properties"), fileFor(staging) + "password_env=STAGING_PASSWORD\n");
    Files.writeString(folder.resolve("qa.properties"), fileFor(qa) + "password_file=qa.secret\n");
    Files.writeString(folder.resolve("qa.secret"), qa.password() + "\n");
    Console console = new Console(dir).with("STAGING_PASSWORD", staging.password());

    Run stagingUp = console.run("--env", "staging", "up");
    Run qaUp = console.run("--env", "qa", "up");
    Run stagingWrong = console.with("STAGING_PASSWORD", WRONG).run("--debug", "--env", "staging", "status");
    Files.writeString(folder.resolve("qa.secret"), WRONG);
    Run qaWrong = console.run("--env", "qa", "status");

    assertThat(stagingUp.exitCode()).as(stagingUp.err()).isZero();
    assertThat(qaUp.exitCode()).as(qaUp.err()).isZero();
    assertThat(staging.database().appliedIds()).hasSize(3);
    assertThat(qa.database().appliedIds()).hasSize(3);
    assertThat(stagingWrong.exitCode()).isEqualTo(1);
    assertThat(stagingWrong.err()).contains("rejected the password for user \"" + staging.user() + "\"");
    assertThat(qaWrong.exitCode()).isEqualTo(1);
    assertThat(qaWrong.err()).contains("rejected the password for user \"" + qa.user() + "\"");
    assertThat(stagingUp.out() + stagingUp.err() + qaUp.out() + qaUp.err() + stagingWrong.out() + stagingWrong.err()
        + qaWrong.out() + qaWrong.err())
        .doesNotContain(staging.password()).doesNotContain(qa.password()).doesNotContain(WRONG);
  }

  @Test
  void aPasswordInsidePostgresJdbcUrlConnectsAndNeverShowsNotEvenInTheDriversDebugLog(TestDatabase db) {
    PasswordProtectedDatabase checked = PasswordProtectedDatabase.of(db);
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    Console console = new Console(dir).with("POSTGRES_JDBC_URL", checked.urlWithPassword(checked.password()));

    Run up = console.run("--debug", "up");
    Run list = console.run("--debug", "env");
    Run wrong = console.with("POSTGRES_JDBC_URL", checked.urlWithPassword(WRONG)).run("--debug", "status");

    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(checked.database().appliedIds()).hasSize(3);
    assertThat(up.err()).as("the driver's own log is on").contains("org.postgresql");
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("rejected the password for user \"" + checked.user() + "\"");
    assertThat(up.out() + up.err() + list.out() + list.err() + wrong.out() + wrong.err())
        .doesNotContain(checked.password()).doesNotContain(WRONG);
  }

  private static String fileFor(PasswordProtectedDatabase db) {
    return "host=" + db.settings().host() + "\nport=" + db.settings().port() + "\ndatabase="
        + db.settings().database() + "\nusername=" + db.user() + "\n";
  }
}
