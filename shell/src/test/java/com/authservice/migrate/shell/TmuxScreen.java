package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The packaged console in a real terminal for the process tests: a tmux pane on a server socket of the test's own,
 * typed into and read back from the screen. Without tmux every call returns nothing and {@link #installed} is false.
 */
final class TmuxScreen implements AutoCloseable {

  private static final String SESSION = "console";

  private final String socket;

  TmuxScreen(String name) {
    this.socket = "migrate-" + name + "-" + ProcessHandle.current().pid();
  }

  boolean installed() throws IOException, InterruptedException {
    return tmux("-V").startsWith("tmux");
  }

  /**
   * Starts the console with {@code environment} in {@code dir}, on a {@code width}-column screen; when it ends the
   * pane says "console exited with N". {@code before} runs in the pane's shell first.
   */
  void start(Path dir, int width, Map<String, String> environment, String before) throws Exception {
    String variables = environment.entrySet().stream()
        .map(variable -> variable.getKey() + "=" + quoted(variable.getValue())).collect(Collectors.joining(" "));
    String command = PackagedConsole.command().stream().map(TmuxScreen::quoted).collect(Collectors.joining(" "));
    tmux("new-session", "-d", "-s", SESSION, "-x", Integer.toString(width), "-y", "40", "-c", dir.toString(),
        before + "env " + variables + " " + command + "; echo \"console exited with $?\"; sleep 120");
  }

  /** Types {@code text} as it is: {@code -l}, or "up" alone would be read as the Up-arrow key. */
  void type(String text) throws Exception {
    tmux("send-keys", "-t", SESSION, "-l", text);
  }

  void typeLine(String text) throws Exception {
    type(text);
    press("Enter");
  }

  /** A key by tmux's name: {@code Tab}, {@code C-c}, {@code C-u}. */
  void press(String key) throws Exception {
    tmux("send-keys", "-t", SESSION, key);
  }

  /** The screen once it shows {@code text} (lines wrapped by the terminal joined), failing after a minute. */
  String await(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    String screen = tmux("capture-pane", "-p", "-J", "-t", SESSION);
    while (!screen.contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      screen = tmux("capture-pane", "-p", "-J", "-t", SESSION);
    }
    assertThat(screen).as("the screen shows \"%s\"", text).contains(text);
    return screen;
  }

  @Override
  public void close() throws Exception {
    tmux("kill-server");
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
