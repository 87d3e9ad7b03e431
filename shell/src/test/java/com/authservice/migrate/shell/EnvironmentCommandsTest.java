package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.ClosedPort;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Several environments side by side: --env, status --all, protected environments, no passwords shown. */
@ExtendWith(PostgresExtension.class)
class EnvironmentCommandsTest {

  private static final String SECRET = "env-secret-Pa55";

  @TempDir
  Path dir;

  private void environment(String name, TestDatabase db, String extra) throws Exception {
    Path folder = dir.resolve("migrations/environments");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(name + ".properties"), "host=" + db.settings().host() + "\nport="
        + db.settings().port() + "\ndatabase=" + db.name() + "\nusername=postgres\npassword_env=DB_SECRET\n" + extra);
  }

  @Test
  void statusAllShowsEveryEnvironmentAndWhoIsBehind(TestDatabase dev, TestDatabase staging, TestDatabase production)
      throws Exception {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    environment("development", dev, "");
    environment("staging", staging, "");
    environment("production", production, "");
    int closed = ClosedPort.number();
    Files.writeString(dir.resolve("migrations/environments/qa.properties"),
        "host=localhost\nport=" + closed + "\ndatabase=x\nusername=postgres\n");
    Console console = new Console(dir).with("DB_SECRET", SECRET).with("POSTGRES_HOST", "localhost");
    assertThat(console.run("--env", "development", "up").exitCode()).isZero();
    assertThat(console.run("--env", "staging", "up", "2").exitCode()).isZero();

    Run refused = console.run("--env", "production", "up");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("protected environment production").contains("--yes");
    assertThat(production.appliedIds()).isEmpty();
    assertThat(console.run("--env", "production", "up", "1", "--yes").exitCode()).isZero();

    Run matrix = console.run("--env", "development,staging,production,qa", "status");
    assertThat(matrix.exitCode()).isZero();
    assertThat(matrix.out()).contains("development").contains("staging").contains("production")
        .contains("staging is 1 behind development").contains("production is 2 behind development")
        .contains("qa is unreachable: Cannot connect").contains("NOT in sync");
    assertThat(matrix.out().lines().filter(l -> l.startsWith("20251015093000")).findFirst().orElseThrow())
        .contains("applied").contains("pending").contains("unreachable");

    Run list = console.run("env");
    assertThat(list.out()).contains("production").contains("yes").contains(production.name());
    assertThat(matrix.out() + matrix.err() + list.out() + refused.err()).doesNotContain(SECRET);
  }

  @Test
  void upAcrossEnvironmentsStopsAtTheFirstFailure(TestDatabase first, TestDatabase third) throws Exception {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    environment("first", first, "");
    environment("third", third, "");
    Files.writeString(dir.resolve("migrations/environments/broken.properties"),
        "host=localhost\nport=1\ndatabase=x\nusername=postgres\n");
    Console console = new Console(dir).with("DB_SECRET", SECRET).with("POSTGRES_HOST", "localhost");

    Run run = console.run("--env", "first,broken,third", "up");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("first: applied 3").contains("broken: FAILED").contains("third: FAILED - not run");
    assertThat(first.appliedIds()).hasSize(3);
    assertThat(third.appliedIds()).isEmpty();
  }

  @Test
  void useSwitchesTheTargetForLaterCommands(TestDatabase dev, TestDatabase staging) throws Exception {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    environment("development", dev, "");
    environment("staging", staging, "");
    Console console = new Console(dir).with("DB_SECRET", SECRET).with("POSTGRES_HOST", "localhost");

    Run run = console.piped("use stag\nuse staging\nup 1\nuse development\nstatus\n");

    assertThat(run.exitCode()).isEqualTo(2);
    Run ok = console.piped("use staging\nup 1\nuse development\nstatus\n");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("Now targeting staging:").contains("0 applied, 3 pending");
    assertThat(staging.appliedIds()).hasSize(1);
    assertThat(dev.appliedIds()).isEmpty();
  }
}
