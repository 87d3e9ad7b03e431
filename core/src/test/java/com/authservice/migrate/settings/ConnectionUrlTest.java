package com.authservice.migrate.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.errors.InvalidArgument;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** URLs with credentials in them: the cloud providers' {@code postgresql://} form and JDBC URLs with user:password@. */
class ConnectionUrlTest {

  @TempDir
  Path dir;

  @Test
  void databaseUrlGivesHostPortDatabaseDecodedCredentialsAndDriverProperties() {
    ConnectionSettings settings = ConnectionSettings.fromEnvironment(Map.of("DATABASE_URL",
        "postgresql://app%2Downer:p%40ss%3Aw0rd@db.internal:6543/auth?sslmode=require&connectTimeout=3"), dir);

    assertThat(settings.target()).isEqualTo("auth@db.internal:6543");
    assertThat(settings.user()).isEqualTo("app-owner");
    assertThat(settings.password().reveal()).isEqualTo("p@ss:w0rd");
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/auth?sslmode=require&connectTimeout=3")
        .doesNotContain("p@ss").doesNotContain("p%40ss");
    assertThat(ConnectionSettings.fromEnvironment(Map.of("DATABASE_URL", "postgres://app@db/auth"), dir).target())
        .isEqualTo("auth@db:5432");
  }

  @Test
  void aJdbcUrlWithUserAndPasswordBeforeTheHostIsParsedTheSameWay() {
    ConnectionSettings settings = ConnectionSettings.fromEnvironment(Map.of("POSTGRES_JDBC_URL",
        "jdbc:postgresql://app:S3cret@db:5432/auth"), dir);

    assertThat(settings.target()).isEqualTo("auth@db:5432");
    assertThat(settings.user()).isEqualTo("app");
    assertThat(settings.password().reveal()).isEqualTo("S3cret");
    assertThat(settings.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/auth");
  }

  @Test
  void aBadUrlIsRefusedNamingWhatIsWrongButNeverThePassword() {
    assertThatThrownBy(() -> ConnectionSettings.fromEnvironment(Map.of("POSTGRES_JDBC_URL",
        "jdbc:postgresql://app:S3cret@db:port/auth"), dir))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("POSTGRES_JDBC_URL")
        .hasMessageNotContaining("S3cret");
    assertThatThrownBy(() -> ConnectionSettings.fromEnvironment(Map.of("DATABASE_URL",
        "postgresql://app:S3cret@db/auth?sslmod=require"), dir))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("sslmod").hasMessageContaining("sslmode")
        .hasMessageNotContaining("S3cret");
    assertThatThrownBy(() -> ConnectionSettings.fromEnvironment(Map.of("DATABASE_URL",
        "mysql://app:S3cret@db/auth"), dir))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("DATABASE_URL").hasMessageNotContaining("S3cret");
  }

  @Test
  void databaseUrlTogetherWithPostgresVariablesIsRefusedNamingBoth() {
    PostgresVariables both = PostgresVariables.read(Map.of("DATABASE_URL", "postgresql://app:S3cret@db/auth",
        "POSTGRES_HOST", "other"), dir);

    assertThatThrownBy(both::settings).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("DATABASE_URL").hasMessageContaining("POSTGRES_HOST")
        .hasMessageNotContaining("S3cret");
  }

  @Test
  void aValueThatIsNotANumberNamesWhereItWasWritten() {
    assertThatThrownBy(() -> ConnectionSettings.fromEnvironment(Map.of("POSTGRES_JDBC_URL",
        "jdbc:postgresql://db:abc/auth"), dir))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("POSTGRES_JDBC_URL")
        .hasMessageNotContaining("POSTGRES_PORT");
    assertThatThrownBy(() -> ConnectionSettings.fromEnvironment(Map.of("POSTGRES_HOST", "db", "POSTGRES_PORT",
        "abc"), dir))
        .isInstanceOf(InvalidArgument.class).hasMessage("POSTGRES_PORT=abc is not a number");
  }
}
