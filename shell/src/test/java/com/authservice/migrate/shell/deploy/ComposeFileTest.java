package com.authservice.migrate.shell.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.testing.TestScripts;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml declares what the seed guide relies on (no Docker engine needed to read it). */
class ComposeFileTest {

  private static final Path ROOT = TestScripts.projectRepository().getParent();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws Exception {
    try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml().load(reader);
      return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void theDatabaseIsPostgres17OrNewerOnHostPort5435WithAVolumeAndAHealthCheck() throws Exception {
    Map<String, Object> db = service("auth-db");

    String image = officialDefault((String) db.get("image"), "AUTH_DB_IMAGE");
    assertThat(image).startsWith("postgres:");
    assertThat(Integer.parseInt(image.substring("postgres:".length()).replaceAll("\\D.*", ""))).isGreaterThanOrEqualTo(17);
    assertThat((List<String>) db.get("ports")).containsExactly("5435:5432");
    assertThat((List<String>) db.get("volumes")).singleElement().asString().startsWith("auth-db-data:");
    Map<String, Object> health = (Map<String, Object>) db.get("healthcheck");
    assertThat(health.get("test").toString()).contains("pg_isready");
    assertThat(((Map<String, Object>) db.get("environment")).keySet())
        .contains("POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB");
  }

  @Test
  @SuppressWarnings("unchecked")
  void theConsoleReachesTheDatabaseByItsServiceNameAndWaitsForItToBeHealthy() throws Exception {
    Map<String, Object> console = service("auth-service");

    Map<String, Object> environment = (Map<String, Object>) console.get("environment");
    assertThat(environment).containsEntry("POSTGRES_HOST", "auth-db").containsEntry("POSTGRES_PORT", "5432");
    assertThat(environment.keySet()).contains("POSTGRES_USER", "POSTGRES_PASSWORD", "POSTGRES_DB", "MIGRATE_ON_START");
    assertThat(environment.get("MIGRATE_ON_START").toString()).contains("false");
    Map<String, Object> dependsOn = (Map<String, Object>) console.get("depends_on");
    assertThat((Map<String, Object>) dependsOn.get("auth-db")).containsEntry("condition", "service_healthy");
    assertThat(console).containsEntry("stdin_open", true).containsEntry("tty", true);
  }

  @Test
  @SuppressWarnings("unchecked")
  void theBaseImagesAreArgumentsWhoseDefaultsAreTheOfficialImagesAndTheBuildFetchesOnTheHostNetwork() throws Exception {
    Map<String, Object> build = (Map<String, Object>) service("auth-service").get("build");
    Map<String, Object> args = (Map<String, Object>) build.get("args");
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

    assertThat(build).containsEntry("context", ".").containsEntry("network", "host");
    assertThat(officialDefault((String) args.get("BUILD_IMAGE"), "MIGRATE_BUILD_IMAGE")).isEqualTo("eclipse-temurin:17-jdk");
    assertThat(officialDefault((String) args.get("RUNTIME_IMAGE"), "MIGRATE_RUNTIME_IMAGE")).isEqualTo("eclipse-temurin:17-jre");
    assertThat(dockerfile).contains("ARG BUILD_IMAGE=eclipse-temurin:17-jdk", "ARG RUNTIME_IMAGE=eclipse-temurin:17-jre",
        "FROM ${BUILD_IMAGE} AS build", "FROM ${RUNTIME_IMAGE}");
    assertThat(dockerfile.lines()).as("BuildKit would fetch a frontend image for it").noneMatch(line -> line.startsWith("# syntax="));
    assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains(".git", "**/target", ".migrate", ".env");
  }

  /** {@code ${VARIABLE:-default}}: the variable a machine without a registry sets, and the official default. */
  private static String officialDefault(String value, String variable) {
    String prefix = "${" + variable + ":-";
    assertThat(value).startsWith(prefix).endsWith("}");
    return value.substring(prefix.length(), value.length() - 1);
  }

  @Test
  void theImagePutsMigrateOnThePathAndTheEnvExampleIsForTheHostMachine() throws Exception {
    String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));
    assertThat(dockerfile).contains("COPY docker/migrate docker/entrypoint.sh /usr/local/bin/").contains("./mvnw")
        .contains("ENTRYPOINT");
    assertThat(Files.isExecutable(ROOT.resolve("docker/migrate"))).isTrue();
    assertThat(Files.readAllLines(ROOT.resolve(".env.example"))).contains("POSTGRES_HOST=localhost", "POSTGRES_PORT=5435");
  }
}
