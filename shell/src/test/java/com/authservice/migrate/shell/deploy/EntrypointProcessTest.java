package com.authservice.migrate.shell.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's entry script and `migrate` wrapper, run outside a container with the environment
 * docker-compose gives auth-service (host and port pointed at the test database instead of auth-db).
 */
@ExtendWith(PostgresExtension.class)
class EntrypointProcessTest {

  private static final Path ROOT = TestScripts.projectRepository().getParent();

  @TempDir
  Path home;

  private ProcessBuilder entrypoint(TestDatabase db, Map<String, String> extra, String... command) throws Exception {
    Files.createSymbolicLink(home.resolve("auth-migrate.jar"), ROOT.resolve("shell/target/auth-migrate.jar"));
    if (Files.notExists(home.resolve("migrations"))) {
      Files.createSymbolicLink(home.resolve("migrations"), ROOT.resolve("migrations"));
    }
    List<String> args = new java.util.ArrayList<>(List.of(ROOT.resolve("docker/entrypoint.sh").toString()));
    args.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(args).redirectErrorStream(true);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("POSTGRES_") || key.startsWith("MIGRATE_"));
    env.put("PATH", ROOT.resolve("docker") + ":" + Path.of(System.getProperty("java.home"), "bin") + ":" + env.get("PATH"));
    env.put("MIGRATE_HOME", home.toString());
    env.put("HOME", home.toString());
    env.put("POSTGRES_HOST", db.settings().host());
    env.put("POSTGRES_PORT", Integer.toString(db.settings().port()));
    env.put("POSTGRES_USER", "postgres");
    env.put("POSTGRES_PASSWORD", "admin");
    env.put("POSTGRES_DB", db.name());
    env.put("MIGRATE_ON_START", "false");
    env.putAll(extra);
    return builder;
  }

  @Test
  void migrateOnStartAppliesPendingMigrationsThenRunsTheCommand(TestDatabase db) throws Exception {
    Process process = entrypoint(db, Map.of("MIGRATE_ON_START", "true"), "migrate", "current").start();
    String output = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("Applied 3 migration(s)").contains("20251015093000").contains("(head)");
    assertThat(db.appliedIds()).hasSize(3);
  }

  @Test
  void migrateOnStartGivesUpOnAnUnreachableDatabaseAfterItsRetries(TestDatabase db) throws Exception {
    Process process = entrypoint(db, Map.of("MIGRATE_ON_START", "true", "POSTGRES_PORT", "1",
        "MIGRATE_WAIT_ATTEMPTS", "2", "MIGRATE_WAIT_SECONDS", "0"), "migrate", "status").start();
    String output = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isEqualTo(1);
    assertThat(output).contains("waiting for").contains("not reachable after 2 attempts").contains("Cannot connect");
  }

  /**
   * docker-compose mounts the checkout's ./migrations: run as root, the console takes the folder owner's
   * user, so that a script it writes there is the host user's to edit.
   */
  @Test
  @EnabledIf("runningAsRoot")
  void aScriptThatNewWritesBelongsToTheOwnerOfTheMigrationsFolder(TestDatabase db) throws Exception {
    Path migrations = TestScripts.copyOfProjectRepository(home.resolve("migrations")).scriptsDir();
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    new ProcessBuilder("chown", "-R", "4242:4243", home.resolve("migrations").toString()).start().waitFor();

    Process process = entrypoint(db, Map.of(), "migrate", "new", "Add nickname to users").start();
    String output = new String(process.getInputStream().readAllBytes());

    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    Path created;
    try (Stream<Path> scripts = Files.list(migrations)) {
      created = scripts.filter(script -> script.toString().endsWith("_Add_nickname_to_users.sql")).findFirst().orElseThrow();
    }
    assertThat(Files.getAttribute(created, "unix:uid")).isEqualTo(4242);
    assertThat(Files.getAttribute(created, "unix:gid")).isEqualTo(4243);
  }

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Test
  void withoutACommandTheServiceStaysUpUntilStopped(TestDatabase db) throws Exception {
    Path output = home.resolve("output.txt");
    Process process = entrypoint(db, Map.of()).redirectOutput(output.toFile()).start();

    assertThat(process.waitFor(3, TimeUnit.SECONDS)).as("still running").isFalse();
    List<ProcessHandle> children = process.descendants().toList();
    new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isZero();
    assertThat(Files.readString(output)).contains("docker-compose exec auth-service migrate");
    for (ProcessHandle child : children) {
      child.onExit().get(5, TimeUnit.SECONDS);
    }
  }
}
