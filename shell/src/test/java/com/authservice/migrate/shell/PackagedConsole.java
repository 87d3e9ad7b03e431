package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.testing.TestScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built console as a separate process in a working folder, connected through the seed's POSTGRES_*
 * variables: the native executable that {@code MIGRATE_EXECUTABLE} names when set, else the packaged jar on
 * this JVM. The same process tests thereby check both builds.
 */
final class PackagedConsole {

  static final Path ROOT = TestScripts.projectRepository().getParent();
  static final Path JAR = ROOT.resolve("shell/target/auth-migrate.jar");
  static final String PASSWORD = "not-printed-anywhere";

  record Result(int exitCode, String out, String err) {
  }

  private final Path dir;
  private final ConnectionSettings db;

  /** {@code db} null: no database configured. */
  PackagedConsole(Path dir, ConnectionSettings db) {
    this.dir = dir;
    this.db = db;
  }

  /** The native executable under test, or null for the jar. */
  static String executable() {
    String executable = System.getenv("MIGRATE_EXECUTABLE");
    return executable == null || executable.isBlank() ? null : Path.of(executable).toAbsolutePath().toString();
  }

  /** The command line that starts the console with {@code args}. */
  static List<String> command(String... args) {
    List<String> command = executable() != null ? new ArrayList<>(List.of(executable()))
        : new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
            JAR.toString()));
    command.addAll(List.of(args));
    return command;
  }

  /** The variables the console runs with: a home of its own and the database, nothing inherited of POSTGRES_*. */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("HOME", dir.toString());
    if (db == null) {
      return environment;
    }
    environment.put("POSTGRES_HOST", db.host());
    environment.put("POSTGRES_PORT", Integer.toString(db.port()));
    environment.put("POSTGRES_DB", db.database());
    environment.put("POSTGRES_USER", db.user());
    environment.put("POSTGRES_PASSWORD", PASSWORD);
    return environment;
  }

  Result run(String... args) throws IOException, InterruptedException {
    return runWith("", command(args));
  }

  Result piped(String stdin, String... args) throws IOException, InterruptedException {
    return runWith(stdin, command(args));
  }

  Result runWith(String stdin, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("POSTGRES_") || key.startsWith("MIGRATE_"));
    builder.environment().putAll(environment());
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process process = builder.start();
    process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }
}
