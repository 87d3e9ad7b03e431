package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL of the built console (jar or native executable, see {@link PackagedConsole}) in a real terminal:
 * tmux on a server socket of this test's own, typed into and read back from the screen.
 */
@ExtendWith(PostgresExtension.class)
class ReplProcessTest {

  private static final String SESSION = "console";

  @TempDir
  Path dir;

  private final String socket = "migrate-repl-test-" + ProcessHandle.current().pid();

  @AfterEach
  void stopTmux() throws Exception {
    tmux("kill-server");
  }

  @Test
  void theReplCompletesRunsCommandsAndExitsCleanly(TestDatabase db) throws Exception {
    assumeThat(tmux("-V")).as("tmux is installed").startsWith("tmux");
    PackagedConsole console = new PackagedConsole(dir, db.settings());
    String environment = console.environment().entrySet().stream()
        .map(variable -> variable.getKey() + "=" + quoted(variable.getValue())).collect(Collectors.joining(" "));
    String command = PackagedConsole.command().stream().map(ReplProcessTest::quoted).collect(Collectors.joining(" "));
    tmux("new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", "-c", dir.toString(),
        "env " + environment + " " + command + "; echo \"console exited with $?\"; sleep 120");

    awaitScreen("@" + db.settings().host() + ":" + db.settings().port() + ">");   // tmux trims the trailing space
    type("vers");   // "ver" is shared with verify
    tmux("send-keys", "-t", SESSION, "Tab");
    awaitScreen("> version");
    tmux("send-keys", "-t", SESSION, "C-u");
    typeLine("status");
    awaitScreen("0 applied, 3 pending");
    typeLine("up");
    awaitScreen("Applied 3 migration(s)");
    typeLine("exit");
    String screen = awaitScreen("console exited with ");

    assertThat(screen).contains("console exited with 0").doesNotContain("Exception");
    assertThat(db.appliedIds()).hasSize(3);
  }

  private void type(String text) throws Exception {
    tmux("send-keys", "-t", SESSION, "-l", text);   // -l: "up" alone would be read as the Up-arrow key
  }

  private void typeLine(String text) throws Exception {
    type(text);
    tmux("send-keys", "-t", SESSION, "Enter");
  }

  private String awaitScreen(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String screen = tmux("capture-pane", "-p", "-t", SESSION);
    while (!screen.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      screen = tmux("capture-pane", "-p", "-t", SESSION);
    }
    assertThat(screen).as("the screen shows \"%s\"", text).contains(text);
    return screen;
  }

  private String tmux(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException noTmux) {
      return "";
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(10, TimeUnit.SECONDS);
    return output;
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
