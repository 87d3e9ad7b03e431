package com.authservice.migrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which server the fixture picks when a Docker engine answers, seen from a JVM of its own (the choice is made
 * once per JVM). Skipped where no engine answers, as on CI; docker/local-images.sh builds the image that
 * {@code MIGRATE_TEST_IMAGE} names in the last test.
 */
@EnabledIf("engineAnswers")
class PostgresServerChoiceTest {

  private static final String LOCAL_IMAGE = "auth-migrate-local/postgres:15";

  @TempDir
  Path output;

  static boolean engineAnswers() {
    return DockerEngine.find().map(DockerEngine::answers).orElse(false);
  }

  static boolean engineHasTheLocalImage() {
    return DockerEngine.find().map(engine -> engine.has(LOCAL_IMAGE)).orElse(false);
  }

  /** The engine has the local image but no Ryuk, and cannot pull Ryuk (this asks it to, which takes seconds). */
  static boolean engineHasTheLocalImageButCannotGetRyuk() {
    return DockerEngine.find().map(engine -> engine.has(LOCAL_IMAGE) && !engine.hasAnyOf("testcontainers/ryuk")
        && engine.pull("testcontainers/ryuk:0.14.0").isPresent()).orElse(false);
  }

  @Test
  void anImageTheEngineCannotGetFallsBackToTheEmbeddedServerWithinSeconds() throws Exception {
    Chosen chosen = choose(Map.of("MIGRATE_TEST_IMAGE", "auth-migrate-test/never-built:1"));

    assertThat(chosen.decidedIn()).isLessThan(Duration.ofSeconds(45));
    assertThat(chosen.notice()).containsOnlyOnce("\n").contains("has no image auth-migrate-test/never-built:1 and cannot pull it")
        .contains("Using the embedded PostgreSQL");
    assertThat(chosen.server()).startsWith("embedded PostgreSQL");
  }

  @Test
  @EnabledIf("engineHasTheLocalImage")
  void anImageTheEngineHasRunsInTestcontainersWhenRyukIsDisabled() throws Exception {
    Chosen chosen = choose(Map.of("MIGRATE_TEST_IMAGE", LOCAL_IMAGE, "TESTCONTAINERS_RYUK_DISABLED", "true"));

    assertThat(chosen.server()).as(chosen.notice()).startsWith("Testcontainers PostgreSQL 15");
  }

  @Test
  @EnabledIf("engineHasTheLocalImageButCannotGetRyuk")
  void anEngineThatCannotGetRyukFallsBackAndSaysHowToRunWithoutIt() throws Exception {
    Chosen chosen = choose(Map.of("MIGRATE_TEST_IMAGE", LOCAL_IMAGE));

    assertThat(chosen.decidedIn()).isLessThan(Duration.ofSeconds(45));
    assertThat(chosen.notice()).containsOnlyOnce("\n").contains("has no Ryuk image")
        .contains("set TESTCONTAINERS_RYUK_DISABLED=true to run without it");
    assertThat(chosen.server()).startsWith("embedded PostgreSQL");
  }

  private record Chosen(String server, String notice, Duration decidedIn) {}

  /** Starts a JVM that asks the fixture for its server and prints what it got. */
  private Chosen choose(Map<String, String> environment) throws IOException, InterruptedException {
    Path stdout = output.resolve("stdout");
    Path stderr = output.resolve("stderr");
    ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Describe.class.getName()))
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("MIGRATE_TEST_") || key.startsWith("TESTCONTAINERS_"));
    builder.environment().putAll(environment);
    long started = System.nanoTime();
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly().waitFor();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    List<String> printed = Files.readAllLines(stdout);
    String notice = Files.readAllLines(stderr).stream().filter(line -> line.startsWith("Tests: ")).reduce("", (a, b) -> a + b + "\n");
    return new Chosen(printed.isEmpty() ? "" : printed.get(printed.size() - 1), notice, took);
  }

  /** The child JVM: the fixture's choice, as {@link PostgresServer#describe()} names it. */
  public static final class Describe {
    public static void main(String[] args) {
      System.out.println(PostgresServer.get().describe());
    }
  }
}
