package com.authservice.migrate.shell;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.shell.launch.LaunchContext;
import com.authservice.migrate.testing.TestScripts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Runs the whole console in-process, as `migrate ...` would, and captures what it printed. */
public final class Console {

  /** What a run left: its exit code and the text on stdout and stderr. */
  public record Run(int exitCode, String out, String err) {
  }

  private final Map<String, String> environment = new HashMap<>();
  private final Path workingDir;

  public Console(Path workingDir) {
    this.workingDir = workingDir;
    environment.put("HOME", workingDir.resolve("home").toString());
  }

  /**
   * A console working in {@code workingDir} on a copy of the project's migrations repository (its
   * {@code migrations/} folder), connected to {@code settings}: the set-up of a checkout.
   */
  public static Console inCheckout(Path workingDir, ConnectionSettings settings) {
    TestScripts.copyOfProjectRepository(workingDir.resolve("migrations"));
    return new Console(workingDir).connectedTo(settings);
  }

  /** Points the console at a database through the seed's POSTGRES_* variables. */
  public Console connectedTo(ConnectionSettings settings) {
    environment.put("POSTGRES_HOST", settings.host());
    environment.put("POSTGRES_PORT", Integer.toString(settings.port()));
    environment.put("POSTGRES_DB", settings.database());
    environment.put("POSTGRES_USER", settings.user());
    environment.put("POSTGRES_PASSWORD", settings.password().reveal());
    return this;
  }

  public Console with(String variable, String value) {
    environment.put(variable, value);
    return this;
  }

  public Run run(String... args) {
    return runWithInput("", false, args);
  }

  /** Commands on standard input, as in {@code cat cmds | migrate}. */
  public Run piped(String input, String... args) {
    return runWithInput(input, false, args);
  }

  public Run runWithInput(String input, boolean terminal, String... args) {
    return runWithStream(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), terminal, args);
  }

  public Run runWithStream(InputStream in, boolean terminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      int code = MigrateApplication.run(args, new LaunchContext(Map.copyOf(environment), workingDir, in, stdout,
          stderr, terminal));
      return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
  }

  /** The REPL on a terminal over the given streams, as a user at a keyboard would see it. */
  public int runInteractive(InputStream keyboard, java.io.OutputStream screen) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (PrintStream stdout = new PrintStream(screen, true, StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      return MigrateApplication.run(new String[0], new LaunchContext(Map.copyOf(environment), workingDir, keyboard,
          stdout, stderr, true));
    }
  }

  public Path workingDir() {
    return workingDir;
  }
}
