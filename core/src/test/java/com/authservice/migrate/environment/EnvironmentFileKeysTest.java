package com.authservice.migrate.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.definition.Definitions;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An environment file says where to migrate or is set aside: a key the reader does not know, or a missing host,
 * database or user, never falls back to a default from somewhere else.
 */
class EnvironmentFileKeysTest {

  @TempDir
  Path temp;

  private Definitions<Environment> load(String name, String body) throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(temp.resolve(name));
    Files.createDirectories(scripts.repository().resolve("environments"));
    Files.writeString(scripts.repository().resolve("environments/" + name + ".properties"), body);
    return Environments.load(scripts.repository(), Map.of(), temp.resolve(name));
  }

  @Test
  void aMisspeltKeySetsTheFileAsideNamingTheNearestKnownKey() throws Exception {
    Definitions<Environment> environments = load("staging", "hostname=10.9.9.9\ndatabase=auth\nusername=app\n");

    assertThat(environments.names()).doesNotContain("staging");
    assertThat(environments.unusable().get("staging"))
        .isEqualTo("environments/staging.properties: unknown key hostname (did you mean host?)");
  }

  @Test
  void aMissingHostDatabaseOrUserSetsTheFileAside() throws Exception {
    assertThat(load("nohost", "database=auth\nusername=app\n").unusable().get("nohost"))
        .isEqualTo("environments/nohost.properties names no host: add host= (or url=)");
    assertThat(load("nodb", "host=db\nusername=app\n").unusable().get("nodb"))
        .isEqualTo("environments/nodb.properties names no database: add database= (or url=)");
    assertThat(load("nouser", "host=db\ndatabase=auth\n").unusable().get("nouser"))
        .isEqualTo("environments/nouser.properties names no user: add username= (or url=)");
    assertThat(load("nouserurl", "url=jdbc:postgresql://db:5432/auth\n").unusable().get("nouserurl"))
        .contains("names no user");
  }

  @Test
  void theIdPatternThatInitKeepsWithTheRepositoryIsAKnownKey() throws Exception {
    Definitions<Environment> environments =
        load("development", "host=db\ndatabase=auth\nusername=app\nidpattern=000\n");

    assertThat(environments.unusable()).isEmpty();
    assertThat(environments.names()).contains("development");
  }

  @Test
  void aCompleteUrlIsEnoughAndItsCredentialsAreTakenOut() throws Exception {
    Definitions<Environment> environments =
        load("staging", "url=postgresql://app:S3cret@db:6000/auth?sslmode=disable\n");

    assertThat(environments.unusable()).isEmpty();
    assertThat(environments.named("staging").connection().target()).isEqualTo("auth@db:6000");
    assertThat(environments.named("staging").connection().user()).isEqualTo("app");
    assertThat(environments.warnings()).hasSize(1).allSatisfy(warning -> assertThat(warning)
        .contains("literal password").doesNotContain("S3cret"));
  }

  @Test
  void theMyBatisClisOwnKeysAndScriptVariablesStayAccepted() throws Exception {
    Definitions<Environment> environments = load("staging", """
        time_zone=GMT+0:00
        driver=org.postgresql.Driver
        driver_path=/opt/drivers
        url=jdbc:postgresql://db:5432/auth
        username=app
        password=${NOT_SET_IS_EMPTY}
        script_char_set=UTF-8
        send_full_script=true
        delimiter=;
        full_line_delimiter=false
        auto_commit=false
        remove_crs=false
        ignore_warnings=true
        changelog=changelog
        """);

    assertThat(environments.unusable()).isEmpty();
    assertThat(environments.names()).containsExactly("staging");
  }

  @Test
  void aKeyThatAScriptUsesAsAVariableIsAcceptedAndOneNoScriptUsesIsNot() throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    scripts.write("20251002000000_grant.sql", "-- // grant\nGRANT SELECT ON ${changelog} TO ${reader_role};\n"
        + "-- //@UNDO\nREVOKE SELECT ON ${changelog} FROM ${reader_role};\n");
    Files.createDirectories(scripts.repository().resolve("environments"));
    String server = "host=db\ndatabase=auth\nusername=app\n";
    Files.writeString(scripts.repository().resolve("environments/staging.properties"), server + "reader_role=ro\n");
    Files.writeString(scripts.repository().resolve("environments/qa.properties"), server + "readerrole=rw\n");

    Definitions<Environment> environments = Environments.load(scripts.repository(), Map.of(), temp);

    assertThat(environments.names()).containsExactly("staging");
    assertThat(environments.unusable().get("qa")).isEqualTo("environments/qa.properties: unknown key readerrole "
        + "(did you mean reader_role?)");
  }

  @Test
  void theScriptsAreReadForTheirVariablesOnlyWhenAFileHoldsAKeyThatIsNoSetting() throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    // A "script" that cannot be read: any command that read the scripts to load the environments would fail here.
    Files.createDirectories(scripts.repository().resolve("scripts/20251003000000_unreadable.sql"));
    Files.createDirectories(scripts.repository().resolve("environments"));
    Files.writeString(scripts.repository().resolve("environments/staging.properties"),
        "host=db\ndatabase=auth\nusername=app\n");

    assertThat(Environments.load(scripts.repository(), Map.of(), temp).names()).containsExactly("staging");

    Files.writeString(scripts.repository().resolve("environments/qa.properties"),
        "host=db\ndatabase=auth\nusername=app\nreader_role=ro\n");
    assertThatThrownBy(() -> Environments.load(scripts.repository(), Map.of(), temp))
        .hasMessageContaining("Cannot read the scripts");
  }

  @Test
  void aJavaScriptHookIsRefusedNamingTheKeyRatherThanRunWithoutIt() throws Exception {
    Definitions<Environment> environments = load("staging", "host=db\ndatabase=auth\nusername=app\n"
        + "hook_before_up=js:notify.js\n");

    assertThat(environments.unusable().get("staging")).isEqualTo("environments/staging.properties: "
        + "hook_before_up=js:notify.js is a JavaScript hook, which this console does not run: rewrite it as an SQL "
        + "hook (sql:<file>.sql), or run this repository with MyBatis' own migrate command");
  }

  @Test
  void anSqlHookIsAccepted() throws Exception {
    Definitions<Environment> environments = load("staging", "host=db\ndatabase=auth\nusername=app\n"
        + "hook_before_each_up=sql:log.sql:what=up\n");

    assertThat(environments.names()).containsExactly("staging");
  }

  @Test
  void aBadPortNamesTheFileAndTheKey() throws Exception {
    assertThat(load("staging", "host=db\nport=abc\ndatabase=auth\nusername=app\n").unusable().get("staging"))
        .isEqualTo("environments/staging.properties: port=abc is not a number");
  }
}
