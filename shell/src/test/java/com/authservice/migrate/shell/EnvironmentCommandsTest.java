package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.ClosedPort;
import com.authservice.migrate.testing.FaultProxy;
import com.authservice.migrate.testing.PasswordProtectedDatabase;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
  void statusAllShowsEveryEnvironmentCellByCell(TestDatabase dev, TestDatabase staging, TestDatabase production)
      throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    scripts.write("20251020000000_Create_audit_log.sql",
        "-- // Create audit log\nCREATE TABLE audit_log (id BIGINT PRIMARY KEY);\n-- //@UNDO\nDROP TABLE audit_log;\n");
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
    assertThat(console.run("--env", "production", "up", "--yes").exitCode()).isZero();
    // A branch merged late: its script is older than the newest one production already has.
    scripts.write("20251018000000_Add_users_locale.sql",
        "-- // Add users locale\nALTER TABLE users ADD COLUMN locale VARCHAR(10);\n-- //@UNDO\n"
            + "ALTER TABLE users DROP COLUMN locale;\n");
    assertThat(console.run("--env", "development", "pending").exitCode()).isZero();

    Run matrix = console.run("--env", "development,staging,production,qa", "status");

    assertThat(matrix.exitCode()).isZero();
    assertThat(cells(matrix, "ID")).containsExactly("ID", "Description", "development", "staging", "production", "qa");
    assertThat(cells(matrix, "20251001000000")).endsWith("applied", "applied", "applied", "unreachable");
    assertThat(cells(matrix, "20251001000100")).endsWith("applied", "applied", "applied", "unreachable");
    assertThat(cells(matrix, "20251015093000")).endsWith("applied", "pending", "applied", "unreachable");
    assertThat(cells(matrix, "20251018000000")).endsWith("applied", "pending", "out of order", "unreachable");
    assertThat(cells(matrix, "20251020000000")).endsWith("applied", "pending", "applied", "unreachable");
    assertThat(matrix.out()).contains("staging is 3 behind development").contains("production is 1 behind development")
        .contains("qa is unreachable: Cannot connect").contains("NOT in sync");

    Run list = console.run("env");
    assertThat(list.out()).contains("production").contains("yes").contains(production.name());
    assertThat(matrix.out() + matrix.err() + list.out() + refused.err()).doesNotContain(SECRET);
  }

  @Test
  void upAllGoesThroughEveryEnvironmentProtectedOnesLast(TestDatabase dev, TestDatabase staging,
      TestDatabase production) throws Exception {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    environment("production", production, "");
    environment("staging", staging, "");
    Console console = new Console(dir).with("DB_SECRET", SECRET).with("POSTGRES_HOST", dev.settings().host())
        .with("POSTGRES_PORT", String.valueOf(dev.settings().port())).with("POSTGRES_DB", dev.name())
        .with("POSTGRES_USER", "postgres").with("POSTGRES_PASSWORD", SECRET);

    Run refused = console.run("up", "--all");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("protected environment production").contains("--yes");
    assertThat(dev.appliedIds()).isEmpty();
    assertThat(staging.appliedIds()).isEmpty();

    Run run = console.run("up", "--all", "--yes");

    assertThat(run.exitCode()).isZero();
    String out = run.out();
    assertThat(out).contains("default: applied 3").contains("staging: applied 3").contains("production: applied 3");
    assertThat(out.indexOf("default: applied")).isLessThan(out.indexOf("staging: applied"));
    assertThat(out.indexOf("staging: applied")).isLessThan(out.indexOf("production: applied"));
    assertThat(dev.appliedIds()).hasSize(3);
    assertThat(staging.appliedIds()).hasSize(3);
    assertThat(production.appliedIds()).hasSize(3);
    assertThat(out + run.err() + refused.err()).doesNotContain(SECRET);
  }

  @Test
  void anEnvironmentWhoseVariablesAreNotSetIsReportedWithoutStoppingTheOthers(TestDatabase staging)
      throws Exception {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    environment("staging", staging, "");
    Files.writeString(dir.resolve("migrations/environments/development.properties"),
        "url=jdbc:postgresql://${DEV_HOST}:5432/auth\nusername=app\n");
    Console console = new Console(dir).with("DB_SECRET", SECRET).with("POSTGRES_HOST", staging.settings().host())
        .with("POSTGRES_PORT", String.valueOf(staging.settings().port())).with("POSTGRES_DB", staging.name())
        .with("POSTGRES_USER", "postgres");

    Run list = console.run("env");
    Run matrix = console.run("status", "--all");
    Run chosen = console.run("--env", "development", "status");

    String reason = "development cannot be used: environments/development.properties uses ${DEV_HOST}, not set in the "
        + "environment or .env: set them, or fix the file";
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("staging").contains(reason);
    assertThat(matrix.exitCode()).isZero();
    assertThat(cells(matrix, "ID")).containsExactly("ID", "Description", "default", "staging");
    assertThat(matrix.out()).contains(reason).contains("NOT in sync");
    assertThat(chosen.exitCode()).isEqualTo(2);
    assertThat(chosen.err()).contains("environments/development.properties uses ${DEV_HOST}");
  }

  @Test
  void statusOfEveryEnvironmentHonoursTheLaunchSettings(TestDatabase staging, TestDatabase silent) throws Exception {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    environment("staging", staging, "");
    try (FaultProxy proxy = FaultProxy.to(silent.settings())) {
      Files.writeString(dir.resolve("migrations/environments/silent.properties"), "host=127.0.0.1\nport="
          + proxy.settings(silent.settings()).port() + "\ndatabase=" + silent.name() + "\nusername=postgres\n");
      proxy.goSilent();
      Console console = new Console(dir).with("DB_SECRET", SECRET).with("MIGRATE_DEAD_LINK_TIMEOUT", "1s");

      Run matrix = console.run("--output", "json", "status", "--all");

      // MIGRATE_DEAD_LINK_TIMEOUT gives the silent server up after 1 s, before the matrix's own 10 s bound.
      assertThat(matrix.out()).as(matrix.err()).contains("\"silent\"").containsPattern("\"reachable\"\\s*:\\s*false")
          .doesNotContain("no answer within");
    }
  }

  /** The cells of the matrix row that starts with {@code first}; columns are two or more spaces apart. */
  private static List<String> cells(Run matrix, String first) {
    String row = matrix.out().lines().filter(line -> line.startsWith(first)).findFirst().orElseThrow();
    return List.of(row.split("\\s{2,}"));
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

  @Test
  void eachEnvironmentsScriptsUseThatEnvironmentsVariablesAndChangelog(TestDatabase dev, TestDatabase staging)
      throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    scripts.write("20251020000000_Create_audit_log.sql",
        "-- // Create audit log\nCREATE TABLE ${audit_table} (id BIGINT);\n-- //@UNDO\nDROP TABLE ${audit_table};\n");
    environment("development", dev, "changelog=dev_changelog\naudit_table=dev_audit\n");
    environment("staging", staging, "changelog=staging_changelog\naudit_table=staging_audit\n");
    Console console = new Console(dir).with("DB_SECRET", SECRET);

    Run up = console.run("--env", "staging", "up");
    Run useThenUp = console.piped("use development\nup\n");
    Run matrix = console.run("status", "--all");

    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(useThenUp.exitCode()).as(useThenUp.err()).isZero();
    assertThat(relations(staging)).containsExactly("staging_audit", "staging_changelog", "users");
    assertThat(relations(dev)).containsExactly("dev_audit", "dev_changelog", "users");
    assertThat(cells(matrix, "20251020000000")).endsWith("applied", "applied");
    assertThat(matrix.out()).contains("All environments are in sync.");
  }

  @Test
  void aLiteralPasswordInAnEnvironmentFileIsUsedWithAWarningAndBreaksNothingElse(TestDatabase dev,
      TestDatabase other) throws Exception {
    PasswordProtectedDatabase checked = PasswordProtectedDatabase.of(dev);
    Path folder = Files.createDirectories(dir.resolve("migrations/environments"));
    // What MyBatis' own `migrate init` writes, with the real password filled in.
    Files.writeString(folder.resolve("development.properties"), "time_zone=GMT+0:00\ndriver=org.postgresql.Driver\n"
        + "url=" + checked.settings().jdbcUrl() + "\nusername=" + checked.user() + "\npassword=" + checked.password()
        + "\n");
    Console console = Console.inCheckout(dir, other.settings());

    Run unused = console.run("status");
    Run used = console.run("--env", "development", "up");

    assertThat(unused.exitCode()).as(unused.err()).isZero();
    assertThat(unused.err()).isEqualTo("warning: environments/development.properties holds a literal password; "
        + "committed passwords are a risk: use password=${VARIABLE}, password_env or password_file"
        + System.lineSeparator());
    assertThat(used.exitCode()).as(used.err()).isZero();
    assertThat(checked.database().appliedIds()).hasSize(3);
    assertThat(unused.out() + unused.err() + used.out() + used.err()).doesNotContain(checked.password());
  }

  @Test
  void protectedYesProtectsAndAValueThatIsNotYesOrNoSetsOnlyThatFileAside(TestDatabase staging, TestDatabase qa)
      throws Exception {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    environment("staging", staging, "protected=yes\n");
    environment("qa", qa, "protected=sometimes\n");
    Console console = new Console(dir).with("DB_SECRET", SECRET);

    Run refused = console.run("--env", "staging", "up");
    Run typo = console.run("--env", "qa", "up");
    Run list = console.run("env");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("protected environment staging").contains("--yes");
    assertThat(staging.appliedIds()).isEmpty();
    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("environments/qa.properties").contains("\"sometimes\"");
    assertThat(qa.appliedIds()).isEmpty();
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("staging").contains("qa cannot be used: environments/qa.properties");
  }

  /** Tables of the database's public schema, the changelog included, from pg_catalog. */
  private static List<String> relations(TestDatabase db) {
    return db.query("select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace "
        + "where n.nspname = 'public' and c.relkind = 'r' and c.relname not in ('categories', 'items') order by 1");
  }
}
