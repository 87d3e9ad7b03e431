package com.authservice.migrate.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.errors.InvalidArgument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionSettingsTest {

  @TempDir
  Path dir;

  @Test
  void readsTheSeedsVariables() {
    ConnectionSettings settings = ConnectionSettings.fromEnvironment(Map.of("POSTGRES_HOST", "auth-db",
        "POSTGRES_PORT", "5432", "POSTGRES_DB", "auth_service", "POSTGRES_USER", "postgres",
        "POSTGRES_PASSWORD", "admin"), dir);

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://auth-db:5432/auth_service");
    assertThat(settings.target()).isEqualTo("auth_service@auth-db:5432");
    assertThat(settings.driverProperties().getProperty("password")).isEqualTo("admin");
    assertThat(settings.schema()).isEqualTo("public");
  }

  @Test
  void readsDotEnvAndTheRealEnvironmentWins() throws Exception {
    Files.writeString(dir.resolve(".env"), """
        # local development
        POSTGRES_USER=postgres
        POSTGRES_PASSWORD="admin"
        POSTGRES_DB=auth_service
        export POSTGRES_HOST=localhost
        POSTGRES_PORT=5435
        """);

    ConnectionSettings settings = ConnectionSettings.fromEnvironment(Map.of("POSTGRES_PORT", "6000"), dir);

    assertThat(settings.hostAndPort()).isEqualTo("localhost:6000");
    assertThat(settings.password().reveal()).isEqualTo("admin");
  }

  @Test
  void takesHostPortAndDatabaseFromAJdbcUrl() {
    ConnectionSettings settings = ConnectionSettings.fromEnvironment(
        Map.of("POSTGRES_JDBC_URL", "jdbc:postgresql://db.internal:6543/auth?sslmode=require"), dir);

    assertThat(settings.target()).isEqualTo("auth@db.internal:6543");
    assertThat(settings.jdbcUrl()).endsWith("?sslmode=require");
  }

  @Test
  void aPasswordInsideTheJdbcUrlIsHandedToTheDriverAsAPropertyAndLeavesTheUrl() {
    ConnectionSettings settings = ConnectionSettings.fromEnvironment(Map.of("POSTGRES_JDBC_URL",
        "jdbc:postgresql://db:6543/auth?sslmode=disable&password=s3cret%26value&user=app&ApplicationName=x"), dir);

    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:6543/auth?sslmode=disable&ApplicationName=x");
    assertThat(settings.password().reveal()).isEqualTo("s3cret&value");
    assertThat(settings.user()).isEqualTo("app");
    assertThat(settings.driverProperties().getProperty("password")).isEqualTo("s3cret&value");
    assertThat(ConnectionSettings.fromEnvironment(Map.of("POSTGRES_JDBC_URL",
        "jdbc:postgresql://db/auth?password=only"), dir).jdbcUrl()).isEqualTo("jdbc:postgresql://db/auth");
  }

  @Test
  void neverShowsThePassword() {
    ConnectionSettings settings = ConnectionSettings.fromEnvironment(
        Map.of("POSTGRES_HOST", "h", "POSTGRES_PASSWORD", "s3cret-value"), dir);

    assertThat(settings.toString()).doesNotContain("s3cret-value");
    assertThat(settings.password().toString()).doesNotContain("s3cret-value");
  }

  @Test
  void rejectsNamesThatCouldReachSqlOrUrlsUnchecked() {
    assertThatThrownBy(() -> ConnectionSettings.fromEnvironment(Map.of("POSTGRES_DB", "x; drop"), dir))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("POSTGRES_DB");
    assertThatThrownBy(() -> ConnectionSettings.fromEnvironment(Map.of("POSTGRES_SCHEMA", "Public\""), dir))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("POSTGRES_SCHEMA");
    assertThatThrownBy(() -> ConnectionSettings.fromEnvironment(Map.of("POSTGRES_HOST", "a/b"), dir))
        .isInstanceOf(InvalidArgument.class);
    assertThatThrownBy(() -> ConnectionSettings.fromEnvironment(Map.of("POSTGRES_PORT", "lots"), dir))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("is not a number");
  }
}
