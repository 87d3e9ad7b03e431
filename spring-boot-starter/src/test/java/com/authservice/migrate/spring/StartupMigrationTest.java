package com.authservice.migrate.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.spring.app.AccountDirectory;
import com.authservice.migrate.spring.app.AccountsApplication;
import com.authservice.migrate.testing.MyBatisOperations;
import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.apache.ibatis.migration.operations.StatusOperation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The test application started as a user's service starts: the starter migrates its database to head first. */
@SpringBootTest(classes = AccountsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"management.endpoints.web.exposure.include=health,migrations",
        "management.endpoint.health.show-details=always"})
class StartupMigrationTest {

  private static final TestDatabase DATABASE = PostgresServer.get().createDatabase();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DATABASE.settings()::jdbcUrl);
    registry.add("spring.datasource.username", () -> DATABASE.server().user());
    registry.add("spring.datasource.password", () -> DATABASE.server().password());
  }

  @LocalServerPort
  int port;

  @Autowired
  AccountDirectory accounts;

  @Autowired
  ConfigurableListableBeanFactory beans;

  @Test
  void startUpAppliesEveryMigrationAndRecordsThemInTheChangelog() {
    assertThat(DATABASE.query("""
        select table_name from information_schema.tables where table_schema = 'public' order by 1"""))
        .containsExactly("accounts", "changelog", "sessions");
    assertThat(DATABASE.changelog()).containsExactly("20251101000000|create accounts",
        "20251102000000|create sessions");
  }

  @Test
  void theMyBatisCliReadsTheChangelogTheStarterWrote() {
    StatusOperation status = MyBatisOperations.run(DATABASE, Path.of("src/test/resources/db/migrations"),
        new StatusOperation()::operate);

    assertThat(status.getAppliedCount()).isEqualTo(2);
    assertThat(status.getPendingCount()).isZero();
  }

  @Test
  void jdbcBeansOfTheApplicationStartAfterTheMigrations() {
    assertThat(accounts.accountsAtStart()).isZero();
    assertThat(List.of(beans.getBeanDefinition("jdbcTemplate").getDependsOn())).contains("authStartupMigration");
  }

  @Test
  void actuatorEndpointShowsTheStatusReportInTheFieldsOfStatusJson() throws Exception {
    JsonNode status = get("/actuator/migrations", 200);

    assertThat(status.propertyNames()).containsExactly("target", "migrations", "current", "counts", "upToDate");
    assertThat(status.get("target").asString()).isEqualTo(DATABASE.settings().target());
    assertThat(status.get("upToDate").asBoolean()).isTrue();
    assertThat(status.get("counts").get("applied").asInt()).isEqualTo(2);
    assertThat(status.get("counts").get("pending").asInt()).isZero();
    JsonNode current = status.get("current");
    assertThat(current.propertyNames()).containsExactly("id", "description", "file", "state", "appliedAt");
    assertThat(current.get("id").asString()).isEqualTo("20251102000000");
    assertThat(current.get("file").asString()).isEqualTo("20251102000000_create_sessions.sql");
    assertThat(current.get("state").asString()).isEqualTo("applied");
    assertThat(current.get("appliedAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
    assertThat(status.get("migrations")).hasSize(2);
  }

  @Test
  void healthIsUpAtHead() throws Exception {
    JsonNode health = get("/actuator/health/migrations", 200);

    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.get("details").get("current").asString()).isEqualTo("20251102000000");
  }

  private JsonNode get(String path, int expectedStatus) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return JsonMapper.builder().build().readTree(response.body());
  }
}
