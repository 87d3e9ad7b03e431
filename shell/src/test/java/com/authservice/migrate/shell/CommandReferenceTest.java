package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/commands.md is the console's own help, {@code help} and {@code help <command>} for every command it lists,
 * so the reference cannot drift from the console: this test builds the page again and fails when the file differs.
 * Run with {@code -Dmigrate.docs.write=true} it writes the page instead.
 */
class CommandReferenceTest {

  static final String REGENERATE =
      "./mvnw -B -pl shell -am test -Dtest=CommandReferenceTest -Dsurefire.failIfNoSpecifiedTests=false"
          + " -Dmigrate.docs.write=true";

  /** A command line of {@code help}'s overview: two spaces, the command's name, its description. */
  private static final Pattern LISTED_COMMAND = Pattern.compile("^  (\\S+)\\s", Pattern.MULTILINE);

  @TempDir
  Path dir;

  static Path page() {
    return TestScripts.projectRepository().resolveSibling("docs").resolve("commands.md");
  }

  @Test
  void theCommandReferenceIsWhatTheConsolesHelpSays() throws Exception {
    String generated = reference();

    if (Boolean.getBoolean("migrate.docs.write")) {
      Files.createDirectories(page().getParent());
      Files.writeString(page(), generated);
    }
    assertThat(Files.exists(page())).as("docs/commands.md is missing; generate it: " + REGENERATE).isTrue();
    assertThat(Files.readString(page()))
        .as("docs/commands.md no longer matches the console's help; regenerate it: " + REGENERATE)
        .isEqualTo(generated);
  }

  /** The commands {@code help}'s overview lists, in its order. */
  static List<String> listedCommands(String overview) {
    List<String> commands = new ArrayList<>();
    Matcher listed = LISTED_COMMAND.matcher(overview);
    while (listed.find()) {
      commands.add(listed.group(1));
    }
    return commands;
  }

  private String reference() {
    String overview = help();
    List<String> commands = listedCommands(overview);
    assertThat(commands).as("help lists the commands").contains("up", "status", "help");

    StringBuilder page = new StringBuilder()
        .append("# Command reference\n\n")
        .append("<!-- Generated from the console's own help by CommandReferenceTest: do not edit by hand.\n")
        .append("     Regenerate with: ").append(REGENERATE).append(" -->\n\n")
        .append("What `help` and `help <command>` print, for every command. Global options are accepted by every\n")
        .append("command, anywhere on the line. Back to the [README](../README.md); the options in depth:\n")
        .append("[JSON output](json-output.md), [live databases](live-databases.md), ")
        .append("[environments and fleets](environments-and-fleets.md).\n\n")
        .append("```text\n").append(overview).append("```\n");
    for (String command : commands) {
      page.append("\n## ").append(command).append("\n\n```text\n").append(help(command)).append("```\n");
    }
    return page.toString();
  }

  private String help(String... command) {
    String[] args = new String[command.length + 1];
    args[0] = "help";
    System.arraycopy(command, 0, args, 1, command.length);
    Run run = new Console(dir).run(args);
    assertThat(run.exitCode()).as("help " + String.join(" ", command) + ": " + run.err()).isZero();
    return run.out().lines().map(String::stripTrailing).reduce("", (text, line) -> text + line + "\n")
        .replaceAll("\n+$", "\n");
  }
}
