package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.ClosedPort;
import com.authservice.migrate.testing.PasswordProtectedDatabase;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the console connects and what it says about it: URLs with credentials in them connect against a server
 * that checks passwords and never show the password; a file that does not say where to go is set aside; every
 * message names where the value came from.
 */
@ExtendWith(PostgresExtension.class)
class ConnectionSourcesTest {

  private static final String WRONG = "Wr0ng-S3cret";

  @TempDir
  Path dir;

  @BeforeEach
  void repository() {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
  }

  private void environment(String name, String body) throws Exception {
    Files.createDirectories(dir.resolve("migrations/environments"));
    Files.writeString(dir.resolve("migrations/environments/" + name + ".properties"), body);
  }

  private static String url(String scheme, PasswordProtectedDatabase db, String password) {
    ConnectionSettings owner = db.settings();
    return scheme + "://" + owner.user() + ":" + password + "@" + owner.host() + ":" + owner.port() + "/"
        + owner.database();
  }

  private static String all(Run... runs) {
    StringBuilder text = new StringBuilder();
    for (Run run : runs) {
      text.append(run.out()).append(run.err());
    }
    return text.toString();
  }

  @Test
  void aJdbcUrlWithThePasswordBeforeTheHostConnectsAndTheCheckedPasswordIsInNoOutput(TestDatabase db)
      throws Exception {
    PasswordProtectedDatabase checked = PasswordProtectedDatabase.of(db);
    environment("staging", "url=" + url("jdbc:postgresql", checked, checked.password()) + "\n");
    environment("wrong", "url=" + url("jdbc:postgresql", checked, WRONG) + "\n");
    environment("badport", "url=jdbc:postgresql://" + checked.user() + ":" + WRONG + "@db:port/auth\n");
    Console console = new Console(dir);

    Run up = console.run("--env", "staging", "up");
    Run wrong = console.run("--env", "wrong", "status");
    Run badUrl = console.run("--env", "badport", "status");
    Run list = console.run("env");
    Run listJson = console.run("--output", "json", "env");
    Run matrix = console.run("status", "--all");
    Run matrixJson = console.run("--output", "json", "status", "--all");

    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(checked.database().appliedIds()).hasSize(3);
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("rejected the password for user \"" + checked.user() + "\"");
    assertThat(badUrl.exitCode()).isEqualTo(2);
    assertThat(badUrl.err()).contains("environments/badport.properties");
    assertThat(all(up, wrong, badUrl, list, listJson, matrix, matrixJson))
        .doesNotContain(checked.password()).doesNotContain(WRONG);
  }

  @Test
  void databaseUrlInTheCloudProvidersFormConnectsAndNeverShowsThePassword(TestDatabase db) {
    PasswordProtectedDatabase checked = PasswordProtectedDatabase.of(db);
    Console console = new Console(dir).with("DATABASE_URL", url("postgresql", checked, checked.password())
        + "?sslmode=disable&ApplicationName=deploy");

    Run up = console.run("up");
    Run list = console.run("--output", "json", "env");
    Run matrix = console.run("--output", "json", "status", "--all");
    Run wrong = new Console(dir).with("DATABASE_URL", url("postgres", checked, WRONG)).run("status");
    Run misspelt = new Console(dir).with("DATABASE_URL", url("postgres", checked, WRONG) + "?sslmod=disable")
        .run("status");
    Run both = new Console(dir).with("DATABASE_URL", url("postgres", checked, WRONG))
        .with("POSTGRES_HOST", "localhost").run("status");

    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(checked.database().appliedIds()).hasSize(3);
    assertThat(wrong.exitCode()).isEqualTo(1);
    assertThat(wrong.err()).contains("rejected the password for user \"" + checked.user() + "\"");
    assertThat(misspelt.exitCode()).isEqualTo(2);
    assertThat(misspelt.err()).contains("sslmod").contains("sslmode");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("DATABASE_URL").contains("POSTGRES_HOST");
    assertThat(all(up, list, matrix, wrong, misspelt, both))
        .doesNotContain(checked.password()).doesNotContain(WRONG);
  }

  @Test
  void aMisspeltOrMissingKeyNeverMigratesAnotherDatabase(TestDatabase db) throws Exception {
    environment("typo", "hostname=10.9.9.9\nport=" + db.settings().port() + "\ndatabase=" + db.name()
        + "\nusername=postgres\n");
    environment("nodb", "host=" + db.settings().host() + "\nport=" + db.settings().port() + "\nusername=postgres\n");
    Console console = new Console(dir).connectedTo(db.settings());

    Run typo = console.run("--env", "typo", "up");
    Run nodb = console.run("--env", "nodb", "up");
    Run list = console.run("env");

    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("environments/typo.properties: unknown key hostname (did you mean host?)");
    assertThat(nodb.exitCode()).isEqualTo(2);
    assertThat(nodb.err()).contains("environments/nodb.properties names no database");
    assertThat(list.out()).contains("typo cannot be used").contains("nodb cannot be used");
    assertThat(db.appliedIds()).isEmpty();
  }

  @Test
  void messagesNameTheFileAndKeyAndTheRealTarget() throws Exception {
    int closed = ClosedPort.number();
    environment("badport", "host=localhost\nport=abc\ndatabase=auth\nusername=app\n");
    environment("down", "host=127.0.0.1\nport=" + closed + "\ndatabase=auth\nusername=app\n");
    Console console = new Console(dir);

    Run badPort = console.run("--env", "badport", "status");
    Run unreachable = console.run("--env", "down", "status");

    assertThat(badPort.exitCode()).isEqualTo(2);
    assertThat(badPort.err()).contains("environments/badport.properties: port=abc is not a number")
        .doesNotContain("POSTGRES_PORT");
    assertThat(unreachable.exitCode()).isEqualTo(1);
    assertThat(unreachable.err()).contains("127.0.0.1:" + closed).contains("environments/down.properties")
        .doesNotContain("auth-db:5432").doesNotContain("localhost:5435").doesNotContain("POSTGRES_HOST");
  }

  @Test
  void aFleetFileWithAMisspeltKeyIsSetAsideAndAMemberNameIsNotCalledAVariable(TestDatabase db) throws Exception {
    db.execute("create schema tenant_a");
    db.execute("create schema \"tenant_B\"");
    Path fleets = Files.createDirectories(dir.resolve("migrations/fleets"));
    String server = "host=" + db.settings().host() + "\nport=" + db.settings().port() + "\ndatabase=" + db.name()
        + "\n";
    Files.writeString(fleets.resolve("typo.properties"), server + "usrname=postgres\nschemas=tenant_*\n");
    Files.writeString(fleets.resolve("tenants.properties"), server + "username=postgres\nschemas=tenant_*\n");
    Console console = new Console(dir);

    Run typo = console.run("status", "--fleet", "typo");
    Run up = console.run("up", "--fleet", "tenants");

    assertThat(typo.exitCode()).isEqualTo(2);
    assertThat(typo.err()).contains("fleets/typo.properties: unknown key usrname (did you mean username?)");
    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.out() + up.err()).contains("tenant_B").contains("fleet tenants")
        .doesNotContain("POSTGRES_SCHEMA");
  }
}
