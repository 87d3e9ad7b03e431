package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README and the pages under docs/ cannot name a command or an option the console does not have: every command of
 * README's command table is explained by {@code help <command>}, every command {@code help} lists is in that table,
 * and every {@code --option} README or a page writes after a command (in backticks) is one that command's help
 * lists, or a global option.
 */
class ReadmeCommandsTest {

  private static final Pattern SNIPPET = Pattern.compile("`([^`]+)`");
  private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*");

  @TempDir
  Path dir;

  private final Map<String, Run> helps = new HashMap<>();

  private static String readme() throws Exception {
    return Files.readString(TestScripts.projectRepository().resolveSibling("README.md"));
  }

  /** README followed by every page of docs/, the text whose backticked commands are checked. */
  private static String readmeAndDocs() throws Exception {
    StringBuilder text = new StringBuilder(readme());
    try (Stream<Path> pages = Files.list(TestScripts.projectRepository().resolveSibling("docs"))) {
      for (Path page : pages.filter(file -> file.toString().endsWith(".md")).sorted().toList()) {
        text.append("\n\n").append(Files.readString(page));
      }
    }
    return text.toString();
  }

  private Run help(String command) {
    return helps.computeIfAbsent(command, name -> new Console(dir).run("help", name));
  }

  private Run help() {
    return helps.computeIfAbsent("", name -> new Console(dir).run("help"));
  }

  /** The backticked words of the command table's second column, leaving out what is in parentheses. */
  private static List<String> tableCommands(String readme) {
    String table = readme.substring(readme.indexOf("| group | commands |"));
    table = table.substring(0, table.indexOf("\n\n"));
    List<String> commands = new ArrayList<>();
    for (String row : table.lines().skip(2).toList()) {
      String cell = row.split("(?<!\\\\)\\|")[2].replaceAll("\\([^)]*\\)", "");
      Matcher snippet = SNIPPET.matcher(cell);
      while (snippet.find()) {
        commands.add(snippet.group(1).split(" ")[0]);
      }
    }
    return commands;
  }

  @Test
  void everyCommandOfTheTableIsExplainedByHelp() throws Exception {
    List<String> commands = tableCommands(readme());
    assertThat(commands).contains("up", "status", "help", "source", "exit", "quit");

    for (String command : new LinkedHashSet<>(commands)) {
      Run help = help(command);
      assertThat(help.exitCode()).as("help " + command + ": " + help.err()).isZero();
    }
  }

  @Test
  void everyCommandHelpListsIsInTheTable() throws Exception {
    List<String> commands = tableCommands(readme());
    List<String> missing = CommandReferenceTest.listedCommands(help().out()).stream()
        .filter(listed -> !commands.contains(listed)).toList();
    assertThat(missing).as("commands `help` lists that README's command table leaves out").isEmpty();
  }

  @Test
  void everyOptionReadmeOrDocsWriteAfterACommandIsKnownToThatCommand() throws Exception {
    Set<String> commands = new LinkedHashSet<>(tableCommands(readme()));
    Set<String> global = new LinkedHashSet<>();
    Matcher globalOption = OPTION.matcher(help("status").out().substring(help("status").out().indexOf("Global options")));
    while (globalOption.find()) {
      global.add(globalOption.group());
    }
    assertThat(global).contains("--path", "--env", "--output");

    List<String> checked = new ArrayList<>();
    Matcher snippet = SNIPPET.matcher(readmeAndDocs().replaceAll("(?s)```.*?```", ""));
    while (snippet.find()) {
      String[] words = snippet.group(1).replaceFirst("^(bin/)?migrate ", "").split(" ");
      if (!commands.contains(words[0])) {
        continue;
      }
      String helpText = help(words[0]).out();
      Matcher option = OPTION.matcher(snippet.group(1));
      while (option.find()) {
        assertThat(global.contains(option.group()) || helpText.contains("  " + option.group() + " "))
            .as("README or docs: `" + snippet.group(1) + "`: " + words[0] + " has no option " + option.group()).isTrue();
        checked.add(words[0] + " " + option.group());
      }
    }
    assertThat(checked).contains("up --to", "status --fail-on", "lint --strict");
  }
}
