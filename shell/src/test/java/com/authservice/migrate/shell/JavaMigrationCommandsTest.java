package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `new --java`, then the migration written in Java run, listed and refused offline, from the console. */
@ExtendWith(PostgresExtension.class)
class JavaMigrationCommandsTest {

  @TempDir
  Path dir;

  private TestScripts scripts;

  private Run run(Console console, String... args) {
    String[] withPath = Stream.concat(Stream.of("--path", scripts.repository().toString()), Stream.of(args))
        .toArray(String[]::new);
    return console.run(withPath);
  }

  @Test
  void newJavaWritesAStubAndAClassThatUpCompilesAndRuns(TestDatabase db) throws Exception {
    scripts = TestScripts.copyOfProjectRepository(dir.resolve("repo"));
    Console console = new Console(dir).connectedTo(db.settings());

    Run created = run(console, "new", "--java", "Lower", "user", "emails");

    assertThat(created.exitCode()).as(created.err()).isZero();
    Path source = scripts.repository().resolve("java/migrations/LowerUserEmails.java");
    assertThat(created.out()).contains("_Lower_user_emails.sql").contains("Created " + source);
    Files.writeString(source, Files.readString(source).replace(
        "throw new UnsupportedOperationException(\"write up() of migrations.LowerUserEmails\");",
        "context.connection().createStatement().executeUpdate(\"UPDATE users SET email = lower(email)\");"));

    Run up = run(console, "up");

    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out()).contains("_Lower_user_emails.sql");
    assertThat(db.appliedIds()).hasSize(4);
    assertThat(run(console, "status").out()).contains("Lower user emails");

    Run offline = run(console, "script", "base", "head");
    assertThat(offline.exitCode()).isEqualTo(2);
    assertThat(offline.err()).contains("Offline SQL cannot contain").contains("_Lower_user_emails.sql")
        .contains("it is a Java migration (migrations.LowerUserEmails)").hasLineCount(1);
  }

  @Test
  void newTakesJavaOrRepeatableNotBothAndWritesNothing(TestDatabase db) throws Exception {
    scripts = TestScripts.copyOfProjectRepository(dir.resolve("repo"));
    Console console = new Console(dir).connectedTo(db.settings());
    long before;
    try (Stream<Path> files = Files.walk(scripts.repository())) {
      before = files.count();
    }

    Run both = run(console, "new", "--java", "--repeatable", "Lower", "user", "emails");

    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("new takes --java or --repeatable, not both").hasLineCount(1);
    try (Stream<Path> files = Files.walk(scripts.repository())) {
      assertThat(files.count()).isEqualTo(before);
    }
  }

  @Test
  void aJavaMigrationWhoseClassIsMissingIsAOneLineErrorAndNothingRuns(TestDatabase db) throws Exception {
    scripts = TestScripts.copyOfProjectRepository(dir.resolve("repo"));
    Console console = new Console(dir).connectedTo(db.settings());
    run(console, "new", "--java", "Lower user emails");
    Files.delete(scripts.repository().resolve("java/migrations/LowerUserEmails.java"));

    Run up = run(console, "up");

    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(up.err()).contains("its Java class migrations.LowerUserEmails is not on the class path")
        .hasLineCount(1).doesNotContain("Exception");
    assertThat(db.appliedIds()).isEmpty();
  }
}
