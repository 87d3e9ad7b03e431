package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The packaged console as a separate process: the jar, and the bin/migrate launcher. */
@ExtendWith(PostgresExtension.class)
class PackagedConsoleProcessTest {

  private static final Path ROOT = TestScripts.projectRepository().getParent();
  private static final Path JAR = ROOT.resolve("shell/target/auth-migrate.jar");

  @TempDir
  Path dir;

  private record Result(int exitCode, String out, String err) {
  }

  private Result run(ConnectionSettings db, String stdin, String... command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("POSTGRES_"));
    builder.environment().put("HOME", dir.toString());
    builder.environment().put("POSTGRES_HOST", db.host());
    builder.environment().put("POSTGRES_PORT", Integer.toString(db.port()));
    builder.environment().put("POSTGRES_DB", db.database());
    builder.environment().put("POSTGRES_USER", db.user());
    builder.environment().put("POSTGRES_PASSWORD", "not-printed-anywhere");
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private String[] jar(String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    command.addAll(List.of(args));
    return command.toArray(String[]::new);
  }

  @Test
  void theJarRunsOneCommandWithThePackagedScriptsAndExitsWithItsCode(TestDatabase db) throws Exception {
    Result up = run(db.settings(), "", jar("up"));
    assertThat(up.exitCode()).as(up.err()).isZero();
    assertThat(up.out()).contains("Applied 3 migration(s)");
    assertThat(up.err()).isEmpty();
    assertThat(db.appliedIds()).hasSize(3);

    Result unknownId = run(db.settings(), "", jar("version", "20990101"));
    assertThat(unknownId.exitCode()).isEqualTo(1);
    assertThat(unknownId.err()).startsWith("Error: Can't locate migration").doesNotContain("Exception");

    Result unknownCommand = run(db.settings(), "", jar("frobnicate"));
    assertThat(unknownCommand.exitCode()).isEqualTo(2);
    assertThat(unknownCommand.out() + unknownCommand.err()).doesNotContain("not-printed-anywhere");
  }

  @Test
  void commandsPipedToTheJarRunInOrder(TestDatabase db) throws Exception {
    Result run = run(db.settings(), "up 1\nstatus\nup 1\n", jar());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("1 applied, 2 pending");
    assertThat(db.appliedIds()).hasSize(2);
  }

  @Test
  void binMigrateRunsTheConsole(TestDatabase db) throws Exception {
    Result status = run(db.settings(), "", ROOT.resolve("bin/migrate").toString(), "status");

    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).contains("0 applied, 3 pending");

    Result usage = run(db.settings(), "", ROOT.resolve("bin/migrate").toString(), "up", "--nonsense");
    assertThat(usage.exitCode()).isEqualTo(2);
  }
}
