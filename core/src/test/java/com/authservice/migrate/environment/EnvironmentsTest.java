package com.authservice.migrate.environment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.definition.Definitions;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.State;
import com.authservice.migrate.testing.ClosedPort;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(PostgresExtension.class)
class EnvironmentsTest {

  private static final MigrationId CHANGELOG = MigrationId.of("20251001000000");
  private static final MigrationId INITIAL = MigrationId.of("20251001000100");
  private static final MigrationId SEED = MigrationId.of("20251010000000");
  private static final MigrationId PHONE = MigrationId.of("20251015093000");

  private static final Map<String, String> CONFIGURED = Map.of("POSTGRES_HOST", "db", "POSTGRES_DB", "auth",
      "POSTGRES_USER", "app");

  @TempDir
  Path temp;

  private void writeEnvironment(TestScripts scripts, String name, String body) throws Exception {
    Files.createDirectories(scripts.repository().resolve("environments"));
    Files.writeString(scripts.repository().resolve("environments/" + name + ".properties"), body);
  }

  private String pointingAt(TestDatabase db) {
    return "host=" + db.settings().host() + "\nport=" + db.settings().port() + "\ndatabase=" + db.name()
        + "\nusername=postgres\npassword_env=BENCH_SECRET\n";
  }

  @Test
  void anUnknownEnvironmentWhenNoneIsDefinedSaysSoAndWhichFileToAdd() {
    assertThatThrownBy(() -> Environments.load(null, Map.of(), temp).named(" staging "))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("Unknown environment \"staging\"; none is defined (add environments/<name>.properties)");
  }

  @Test
  void readsEnvironmentFilesWithPasswordsOnlyByReference() throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    writeEnvironment(scripts, "staging", "url=jdbc:postgresql://${STAGING_HOST}:5432/auth\nusername=app\n"
        + "password=${STAGING_PASSWORD}\n");
    writeEnvironment(scripts, "production", "host=prod-db\ndatabase=auth\nusername=app\npassword_env=PROD_PW\n");

    Definitions<Environment> environments = Environments.load(scripts.repository(),
        Map.of("STAGING_HOST", "stage-db", "STAGING_PASSWORD", "stage-secret", "PROD_PW", "prod-secret",
            "POSTGRES_JDBC_URL", "jdbc:postgresql://db/auth"), temp);

    assertThat(environments.names()).containsExactly("default", "staging", "production");
    Environment staging = environments.named("staging");
    assertThat(staging.connection().target()).isEqualTo("auth@stage-db:5432");
    assertThat(staging.connection().password().reveal()).isEqualTo("stage-secret");
    assertThat(staging.isProtected()).isFalse();
    Environment production = environments.named("production");
    assertThat(production.isProtected()).isTrue();
    assertThat(production.connection().password().reveal()).isEqualTo("prod-secret");
    assertThat(environments.all().toString()).doesNotContain("stage-secret").doesNotContain("prod-secret");
    assertThatThrownBy(() -> environments.named("qa")).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("known: default, staging, production");
  }

  @Test
  void aFileWhoseVariablesAreNotSetIsSetAsideWithTheReasonAndDotEnvFillsThem() throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    writeEnvironment(scripts, "development", "url=jdbc:postgresql://${DEV_HOST}:${DEV_PORT}/auth\n"
        + "username=app\npassword=${DEV_PASSWORD}\n");
    writeEnvironment(scripts, "staging", "host=stage-db\ndatabase=auth\nusername=app\n");

    Definitions<Environment> unset = Environments.load(scripts.repository(), CONFIGURED, temp);

    assertThat(unset.names()).containsExactly("default", "staging");
    assertThat(unset.unusable()).containsOnlyKeys("development");
    assertThat(unset.unusable().get("development"))
        .isEqualTo("environments/development.properties uses ${DEV_HOST}, ${DEV_PORT}, not set in the environment "
            + "or .env: set them, or fix the file");
    assertThatThrownBy(() -> unset.named("development")).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("development.properties uses ${DEV_HOST}");

    Files.writeString(temp.resolve(".env"), "DEV_HOST=dev-db\nDEV_PORT=6543\n");
    Definitions<Environment> filled = Environments.load(scripts.repository(), CONFIGURED, temp);
    assertThat(filled.unusable()).isEmpty();
    assertThat(filled.named("development").connection().target()).isEqualTo("auth@dev-db:6543");
  }

  @Test
  void theDefaultEnvironmentIsThePostgresVariablesWhenCompleteAbsentWhenNoneAndSetAsideWhenPartial()
      throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    writeEnvironment(scripts, "staging", "host=stage-db\ndatabase=auth\nusername=app\npassword=${POSTGRES_PASSWORD}\n");

    Definitions<Environment> complete = Environments.load(scripts.repository(), CONFIGURED, temp);
    Definitions<Environment> none = Environments.load(scripts.repository(), Map.of(), temp);
    Definitions<Environment> partial = Environments.load(scripts.repository(), Map.of("POSTGRES_PASSWORD", "x"), temp);

    assertThat(complete.named("default").connection().target()).isEqualTo("auth@db:5432");
    assertThat(none.names()).containsExactly("staging");
    assertThat(none.unusable()).isEmpty();
    assertThat(partial.names()).containsExactly("staging");
    assertThat(partial.named("staging").connection().password().reveal()).isEqualTo("x");
    assertThat(partial.unusable()).containsExactly(Map.entry("default", "Incomplete database settings: "
        + "POSTGRES_PASSWORD set, but not POSTGRES_HOST, POSTGRES_DB, POSTGRES_USER: set them "
        + "(or POSTGRES_JDBC_URL) in the environment or .env"));
  }

  @Test
  void readsALiteralPasswordAsMyBatisDoesWithAOneLineWarningThatNeverShowsIt() throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    writeEnvironment(scripts, "development", "url=jdbc:postgresql://localhost:5432/auth\nusername=app\n"
        + "password=hunter2\n");
    writeEnvironment(scripts, "staging", "host=stage-db\ndatabase=auth\nusername=app\npassword=${STAGE_PW}\n");

    Definitions<Environment> environments = Environments.load(scripts.repository(),
        Map.of("POSTGRES_HOST", "db", "POSTGRES_DB", "auth", "POSTGRES_USER", "app", "STAGE_PW", "x"), temp);

    assertThat(environments.names()).containsExactly("default", "development", "staging");
    assertThat(environments.named("development").connection().password().reveal()).isEqualTo("hunter2");
    assertThat(environments.warnings()).containsExactly("environments/development.properties holds a literal "
        + "password; committed passwords are a risk: use password=${VARIABLE}, password_env or password_file");
    assertThat(environments.all().toString()).doesNotContain("hunter2");
  }

  @Test
  void protectedReadsTrueFalseYesNoOnOffAndOneZero() throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    List<String> yes = List.of("true", "yes", "on", "1", "TRUE", "Yes ");
    List<String> no = List.of("false", "no", "off", "0", "OFF");
    for (int i = 0; i < yes.size(); i++) {
      writeEnvironment(scripts, "yes" + i, "host=db\ndatabase=auth\nusername=app\nprotected=" + yes.get(i) + "\n");
    }
    for (int i = 0; i < no.size(); i++) {
      writeEnvironment(scripts, "production" + i, "host=db\ndatabase=auth\nusername=app\nprotected="
          + no.get(i) + "\n");
    }

    Definitions<Environment> environments = Environments.load(scripts.repository(),
        Map.of("MIGRATE_PROTECTED_ENVS", "production0,production1,production2,production3,production4"), temp);

    assertThat(environments.unusable()).isEmpty();
    for (int i = 0; i < yes.size(); i++) {
      assertThat(environments.named("yes" + i).isProtected()).as("protected=" + yes.get(i)).isTrue();
    }
    for (int i = 0; i < no.size(); i++) {
      assertThat(environments.named("production" + i).isProtected()).as("protected=" + no.get(i)).isFalse();
    }
  }

  @Test
  void aProtectedValueThatIsNotYesOrNoSetsThatEnvironmentAsideNamingTheFile() throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    writeEnvironment(scripts, "production", "host=db\ndatabase=auth\nusername=app\nprotected=ja\n");
    writeEnvironment(scripts, "staging", "host=db\ndatabase=auth\nusername=app\n");

    Definitions<Environment> environments = Environments.load(scripts.repository(), Map.of(), temp);

    assertThat(environments.names()).containsExactly("staging");
    assertThat(environments.unusable()).containsExactly(Map.entry("production", "environments/production.properties: "
        + "protected must be true/false, yes/no, on/off or 1/0, not \"ja\""));
    assertThatThrownBy(() -> environments.named("production")).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("production.properties").hasMessageContaining("\"ja\"");
  }

  @Test
  void aBrokenFileNeverBreaksAnotherEnvironmentOrTheDefaultOne() throws Exception {
    TestScripts scripts = TestScripts.withChangelogOnly(temp);
    writeEnvironment(scripts, "nofile", "host=db\ndatabase=auth\nusername=app\npassword_file=missing.txt\n");
    writeEnvironment(scripts, "garbled", "host=db\ndatabase=auth\nusername=\\u00zz\n");
    writeEnvironment(scripts, "badport", "host=db\nport=lots\ndatabase=auth\nusername=app\n");
    writeEnvironment(scripts, "staging", "host=stage-db\ndatabase=auth\nusername=app\n");

    Definitions<Environment> environments = Environments.load(scripts.repository(),
        Map.of("POSTGRES_HOST", "db", "POSTGRES_DB", "auth", "POSTGRES_USER", "app"), temp);

    assertThat(environments.names()).containsExactly("default", "staging");
    assertThat(environments.unusable()).containsOnlyKeys("badport", "garbled", "nofile");
    assertThat(environments.unusable().get("nofile")).contains("nofile.properties").contains("missing.txt");
    assertThat(environments.unusable().get("garbled")).contains("garbled.properties");
    assertThat(environments.unusable().get("badport")).contains("badport.properties").contains("lots");
  }

  @Test
  void theMatrixShowsEachEnvironmentCellByCellAndWhoIsBehind(TestDatabase dev, TestDatabase staging,
      TestDatabase qa) throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    new Migrations(new MigrationConfig(dev.settings(), scripts.folder())).up(Target.head(), RunListener.NONE);
    new Migrations(new MigrationConfig(staging.settings(), scripts.folder())).up(Target.steps(2), RunListener.NONE);
    new Migrations(new MigrationConfig(qa.settings(), scripts.folder())).up(Target.head(), RunListener.NONE);
    scripts.write("20251010000000_Seed_categories.sql",
        "-- // seed\nINSERT INTO categories (name) VALUES ('x');\n-- //@UNDO\nDELETE FROM categories;\n");
    new Migrations(new MigrationConfig(qa.settings(), scripts.folder())).pending(RunListener.NONE);
    int closed = ClosedPort.number();
    writeEnvironment(scripts, "development", pointingAt(dev));
    writeEnvironment(scripts, "staging", pointingAt(staging));
    writeEnvironment(scripts, "qa", pointingAt(qa));
    writeEnvironment(scripts, "offline", "host=localhost\nport=" + closed + "\ndatabase=x\nusername=postgres\n");
    Definitions<Environment> environments = Environments.load(scripts.repository(), Map.of("BENCH_SECRET", "pw"), temp);

    StatusMatrix matrix = new AcrossEnvironments(env -> new MigrationConfig(env.connection(),
        scripts.folder().forEnvironment(env.mybatisName())), Duration.ofSeconds(20))
        .status(environments.named(List.of("development", "staging", "qa", "offline")));

    assertThat(matrix.rows()).extracting(StatusMatrix.Row::id).containsExactly(CHANGELOG, INITIAL, SEED, PHONE);
    EnvironmentStatus devColumn = matrix.columns().get(0);
    EnvironmentStatus stagingColumn = matrix.columns().get(1);
    EnvironmentStatus qaColumn = matrix.columns().get(2);
    assertThat(List.of(CHANGELOG, INITIAL, SEED, PHONE)).extracting(id -> devColumn.stateOf(id).orElseThrow())
        .containsExactly(State.APPLIED, State.APPLIED, State.OUT_OF_ORDER, State.APPLIED);
    assertThat(List.of(CHANGELOG, INITIAL, SEED, PHONE)).extracting(id -> stagingColumn.stateOf(id).orElseThrow())
        .containsExactly(State.APPLIED, State.APPLIED, State.PENDING, State.PENDING);
    assertThat(List.of(CHANGELOG, INITIAL, SEED, PHONE)).extracting(id -> qaColumn.stateOf(id).orElseThrow())
        .containsExactly(State.APPLIED, State.APPLIED, State.APPLIED, State.APPLIED);
    EnvironmentStatus offline = matrix.columns().get(3);
    assertThat(offline.unreachable()).hasValueSatisfying(reason -> assertThat(reason)
        .contains("Cannot connect").contains("localhost:" + closed));

    assertThat(matrix.summaries()).extracting(s -> s.column().environment().name() + " "
            + s.reference().map(ref -> s.behind() + " behind " + ref).orElse("-"))
        .containsExactly("development 1 behind qa", "staging 2 behind qa", "qa -", "offline -");
    assertThat(matrix.inSync()).isFalse();
  }

  @Test
  void upAcrossEnvironmentsGoesInOrderAndStopsAtTheFirstFailure(TestDatabase first, TestDatabase third)
      throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    int closed = ClosedPort.number();
    writeEnvironment(scripts, "first", pointingAt(first));
    writeEnvironment(scripts, "broken", "host=localhost\nport=" + closed + "\ndatabase=x\nusername=postgres\n");
    writeEnvironment(scripts, "third", pointingAt(third));
    Definitions<Environment> environments = Environments.load(scripts.repository(), Map.of("BENCH_SECRET", "pw"), temp);

    List<EnvironmentRun> runs = new AcrossEnvironments(env -> new MigrationConfig(env.connection(), scripts.folder()))
        .up(environments.named(List.of("first", "broken", "third")), Target.head(), env -> RunListener.NONE).runs();

    assertThat(runs).extracting(EnvironmentRun::ran).containsExactly(true, false, false);
    assertThat(runs.get(1).failure()).hasValueSatisfying(f -> assertThat(f).contains("Cannot connect"));
    assertThat(runs.get(2).failure()).contains("not run: an earlier environment failed");
    assertThat(first.appliedIds()).hasSize(3);
    assertThat(third.appliedIds()).isEmpty();
  }
}
