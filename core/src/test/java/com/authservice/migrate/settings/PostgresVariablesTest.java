package com.authservice.migrate.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.errors.InvalidArgument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing configured, a complete configuration, or a partial one that must not be guessed at. */
class PostgresVariablesTest {

  @TempDir
  Path dir;

  @Test
  void nothingConfiguredMeansNoPostgresVariableAndNoDotEnv() {
    PostgresVariables variables = PostgresVariables.read(Map.of("HOME", "/root", "POSTGRES_DB", " "), dir);

    assertThat(variables.isNone()).isTrue();
    assertThat(variables.incomplete()).isEmpty();
  }

  @Test
  void hostDatabaseAndUserAreCompletePortAndPasswordFallBack() {
    PostgresVariables variables = PostgresVariables.read(Map.of("POSTGRES_HOST", "db", "POSTGRES_DB", "auth",
        "POSTGRES_USER", "app"), dir);

    assertThat(variables.isNone()).isFalse();
    assertThat(variables.incomplete()).isEmpty();
    assertThat(variables.settings().target()).isEqualTo("auth@db:5432");
    assertThat(variables.settings().password().isEmpty()).isTrue();
  }

  @Test
  void aJdbcUrlAloneIsComplete() {
    PostgresVariables variables = PostgresVariables.read(Map.of("POSTGRES_JDBC_URL", "jdbc:postgresql://db/auth"), dir);

    assertThat(variables.incomplete()).isEmpty();
    assertThat(variables.settings().target()).isEqualTo("auth@db:5432");
  }

  @Test
  void theSeedsDotEnvIsComplete() throws Exception {
    Files.writeString(dir.resolve(".env"), "POSTGRES_USER=postgres\nPOSTGRES_PASSWORD=admin\nPOSTGRES_DB=auth_service\n"
        + "POSTGRES_HOST=localhost\nPOSTGRES_PORT=5435\n");

    assertThat(PostgresVariables.read(Map.of(), dir).settings().target()).isEqualTo("auth_service@localhost:5435");
  }

  @Test
  void aPartialConfigurationNamesWhatIsSetAndWhatIsMissing() throws Exception {
    PostgresVariables onlyDatabase = PostgresVariables.read(Map.of("POSTGRES_DB", "auth_service"), dir);
    Files.writeString(dir.resolve(".env"), "POSTGRES_HOST=localhost\nPOSTGRES_PORT=5435\n");
    PostgresVariables noDatabase = PostgresVariables.read(Map.of(), dir);

    assertThat(onlyDatabase.isNone()).isFalse();
    assertThat(onlyDatabase.incomplete()).hasValue("Incomplete database settings: POSTGRES_DB set, but not "
        + "POSTGRES_HOST, POSTGRES_USER: set them (or POSTGRES_JDBC_URL) in the environment or .env");
    assertThat(noDatabase.incomplete()).hasValue("Incomplete database settings: POSTGRES_HOST, POSTGRES_PORT set, "
        + "but not POSTGRES_DB, POSTGRES_USER: set them (or POSTGRES_JDBC_URL) in the environment or .env");
    assertThatThrownBy(onlyDatabase::settings).isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith("Incomplete database settings");
  }
}
