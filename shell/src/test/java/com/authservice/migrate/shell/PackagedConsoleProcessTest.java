package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.authservice.migrate.shell.PackagedConsole.Result;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged console as a separate process: the jar, or the native executable when MIGRATE_EXECUTABLE names
 * one (see {@link PackagedConsole}), and the bin/migrate launcher.
 */
@ExtendWith(PostgresExtension.class)
class PackagedConsoleProcessTest {

  @TempDir
  Path dir;

  private PackagedConsole console(TestDatabase db) {
    return new PackagedConsole(dir, db.settings());
  }

  @Test
  void theConsoleRunsOneCommandWithThePackagedScriptsAndExitsWithItsCode(TestDatabase db) throws Exception {
    Result up = console(db).run("up");
    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out()).contains("Applied 3 migration(s)");
    assertThat(up.err()).isEmpty();
    assertThat(db.appliedIds()).hasSize(3);

    Result unknownId = console(db).run("version", "20990101");
    assertThat(unknownId.exitCode()).isEqualTo(1);
    assertThat(unknownId.err()).startsWith("Error: Can't locate migration").doesNotContain("Exception");

    Result unknownCommand = console(db).run("frobnicate");
    assertThat(unknownCommand.exitCode()).isEqualTo(2);
    assertThat(unknownCommand.out() + unknownCommand.err()).doesNotContain(PackagedConsole.PASSWORD);
  }

  @Test
  void commandsPipedToTheConsoleRunInOrder(TestDatabase db) throws Exception {
    Result run = console(db).piped("up 1\nstatus\nup 1\n");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 applied, 2 pending");
    assertThat(db.appliedIds()).hasSize(2);
  }

  @Test
  void aCommandFileRunsUntilTheFirstFailureAndExitsWithItsCode(TestDatabase db) throws Exception {
    Files.writeString(dir.resolve("deploy.txt"), "up 1\nversion 20990101\nup\n");

    Result run = console(db).run("@deploy.txt");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Can't locate migration");
    assertThat(db.appliedIds()).hasSize(1);
  }

  @Test
  void versionSaysWhetherTheConsoleRunsNativeOrOnAJvm(TestDatabase db) throws Exception {
    Result version = console(db).run("--version");

    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("auth-migrate ")
        .contains(PackagedConsole.executable() != null ? "(native)" : "(JVM");
  }

  @Test
  void versionIsAnsweredWithoutStartingTheSpringContext() throws Exception {
    assumeTrue(PackagedConsole.executable() == null, "which classes load is the JVM's to say");
    List<String> command = new ArrayList<>(PackagedConsole.command("--version"));
    command.add(1, "-verbose:class");

    Result version = new PackagedConsole(dir, null).runWith("", command);

    assertThat(version.exitCode()).as(version.err()).isZero();
    // -verbose:class names every class as it loads: neither Spring Boot's application nor a context may start.
    assertThat(version.out()).contains("auth-migrate ")
        .doesNotContain("org.springframework.boot.SpringApplication source")
        .doesNotContain("org.springframework.context.support.");
  }

  @Test
  void aCommandStartsWithoutTheSetUpOfSpringThatItDoesNotUse(TestDatabase db) throws Exception {
    Result status = statusShowingClassLoading(db);

    assertThat(status.exitCode()).as(status.err()).isZero();
    // Boot's search for application.properties in five places, and Spring's default message source, whose
    // static initialiser asks the JDK for every available locale: together about a fifth of the context's start;
    // then the rest of Boot's SpringApplication (its listeners, binding spring.main.*): a third of what was left.
    assertThat(status.out()).contains("0 applied, 3 pending")
        .doesNotContain("org.springframework.boot.SpringApplication source")
        .doesNotContain("org.springframework.boot.context.properties.bind.Binder source")
        .doesNotContain("org.springframework.boot.context.config.ConfigDataEnvironment source")
        .doesNotContain("org.springframework.context.support.MessageSourceSupport source")
        // The context's resolver of resource patterns, which lists the JDK's modules when first loaded.
        .doesNotContain("PathMatchingResourcePatternResolver$$Lambda");
  }

  @Test
  void aCommandMakesTheViewsOfItsOwnPartOfTheConsoleOnly(TestDatabase db) throws Exception {
    Result status = statusShowingClassLoading(db);

    assertThat(status.exitCode()).as(status.err()).isZero();
    // A view's renderings are lambdas, and each one linked is start-up time: status links those of its own views.
    assertThat(status.out()).contains("0 applied, 3 pending").contains("view.StatusViews$$Lambda")
        .doesNotContain("view.MyBatisViews$$Lambda").doesNotContain("view.ScriptViews$$Lambda")
        .doesNotContain("view.EnvironmentViews$$Lambda");
  }

  /**
   * {@code status} on a JVM that logs each class it loads, on stdout with the command's own output; with Spring AOT's
   * bean definitions, as bin/migrate and the image run it.
   */
  private Result statusShowingClassLoading(TestDatabase db) throws Exception {
    assumeTrue(PackagedConsole.executable() == null, "which classes load is the JVM's to say");
    List<String> command = new ArrayList<>(PackagedConsole.command("status"));
    command.addAll(1, List.of("-verbose:class", "-Dspring.aot.enabled=true"));
    return console(db).runWith("", command);
  }

  @Test
  void aSpringConfigurationFileInTheWorkingFolderChangesNothing(TestDatabase db) throws Exception {
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(dir.resolve("config/application.properties"), "spring.main.banner-mode=console\n");
    Files.writeString(dir.resolve("application.properties"), "spring.main.lazy-initialization=false\n");

    Result status = console(db).run("status");

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("0 applied, 3 pending").doesNotContain(":: Spring Boot ::");
  }

  @Test
  void checkComparesThePackagedModelsWithTheDatabase(TestDatabase db) throws Exception {
    assertThat(console(db).run("up").exitCode()).isZero();

    Result check = console(db).run("check");
    assertThat(check.exitCode()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains("matches the models");

    Result byPackage = console(db).run("check", "--models", "com.authservice.domain");
    assertThat(byPackage.exitCode()).as(byPackage.out() + byPackage.err()).isZero();
    Result partial = console(db).run("check", "--models", "com.authservice.domain.User,com.authservice.domain.Category");
    assertThat(partial.exitCode()).isEqualTo(1);
    assertThat(partial.out()).contains("remove table items");
  }

  @Test
  void autogenerateWritesTheMissingColumnIntoANewScript(TestDatabase db) throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    scripts.delete("20251015093000_Add_phone_number_to_users.sql");
    assertThat(console(db).run("up").exitCode()).isZero();

    Result generated = console(db).run("new", "--autogenerate", "Add phone_number to users");

    assertThat(generated.exitCode()).as(generated.err()).isZero();
    assertThat(generated.out()).contains("Detected 1 change(s):").contains("add column users.phone_number");
    try (var files = Files.list(scripts.scriptsDir())) {
      Path script = files.filter(f -> f.getFileName().toString().endsWith("_Add_phone_number_to_users.sql"))
          .findFirst().orElseThrow();
      assertThat(Files.readString(script)).contains("ADD COLUMN phone_number character varying(20)");
    }
  }

  @Test
  void lintParsesTheScriptsAndJsonOutputIsWritten(TestDatabase db) throws Exception {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    Files.writeString(dir.resolve("migrations/scripts/20251120000000_Add_age_to_users.sql"), """
        -- // Add age to users
        ALTER TABLE users ADD COLUMN age integer NOT NULL;
        -- //@UNDO
        ALTER TABLE users DROP COLUMN age;
        """);

    Result lint = console(db).run("lint");
    assertThat(lint.out()).as(lint.err()).contains("adding-required-field  users.age")
        .contains("1 problem(s) in 4 script(s).");

    Result status = console(db).run("--output", "json", "status");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).startsWith("{").contains("\"pending\"");
  }

  @Test
  void theEmbeddedDatabaseStartsWhenAskedFor() throws Exception {
    Result up = new PackagedConsole(dir, null).run("--embedded", "up", "2");

    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out()).contains("Applied 2 migration(s)");
    assertThat(dir.resolve(".migrate")).isDirectory();
  }

  @Test
  void binMigrateRunsTheConsole(TestDatabase db) throws Exception {
    String launcher = PackagedConsole.ROOT.resolve("bin/migrate").toString();
    Result status = console(db).runWith("", List.of(launcher, "status"));

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("0 applied, 3 pending");

    Result usage = console(db).runWith("", List.of(launcher, "up", "--nonsense"));
    assertThat(usage.exitCode()).isEqualTo(2);
  }
}
