package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;

/** Every command refuses a word it does not take (exit 2, naming the word) rather than running without it. */
@ExtendWith(PostgresExtension.class)
class ExtraWordsTest {

  private static final String INITIAL_FILE = "20251001000100_Initial_migration.sql";

  @TempDir
  Path dir;

  private TestScripts scripts;

  private Console console(TestDatabase db) {
    scripts = TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    return new Console(dir).connectedTo(db.settings());
  }

  @Test
  void everyCommandRefusesAStrayWordAsAUsageErrorNamingIt(TestDatabase db) {
    Console console = console(db);
    List<String> ran = new ArrayList<>();
    for (Class<?> type : CommandMethods.COMMAND_CLASSES) {
      for (Method method : type.getDeclaredMethods()) {
        Command command = method.getAnnotation(Command.class);
        if (command == null) {
          continue;
        }
        List<String> words = new ArrayList<>(List.of(String.join(" ", command.name()).split(" ")));
        boolean freeText = false;
        int positional = 0;
        for (Parameter parameter : method.getParameters()) {
          freeText |= parameter.isAnnotationPresent(Arguments.class);
          positional += parameter.isAnnotationPresent(Argument.class) ? 1 : 0;
        }
        // Words a command takes as free text (a description, a message) cannot be stray: an unknown option can.
        String stray = freeText ? "--stray" : "stray";
        for (int i = 0; i < positional; i++) {
          words.add("head");
        }
        words.add(stray);

        Run run = console.run(words.toArray(String[]::new));

        assertThat(run.exitCode()).as(String.join(" ", words) + ": " + run.err()).isEqualTo(2);
        assertThat(run.err()).as(String.join(" ", words)).contains(stray).hasLineCount(1);
        ran.add(String.join(" ", command.name()));
      }
    }
    assertThat(ran).contains("status", "down", "up", "env", "help", "new", "repair");
  }

  @Test
  void downWithTwoCountsIsRefusedAndUndoesNothing(TestDatabase db) {
    Console console = console(db);
    console.run("up");

    Run run = console.run("down", "1", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("\"3\"").contains("down");
    assertThat(db.appliedIds()).hasSize(3);
  }

  @Test
  void aListOptionTakesACommaListOrRepeatsButNeverDropsASpaceSeparatedWord(TestDatabase db) {
    Console console = console(db);
    console.run("up");
    scripts.write(INITIAL_FILE, scripts.read(INITIAL_FILE) + "\n-- edited\n");

    Run spaced = console.run("status", "--fail-on", "pending", "modified");
    assertThat(spaced.exitCode()).isEqualTo(2);
    assertThat(spaced.err()).contains("\"modified\"").contains("--fail-on pending,modified");

    Run repeated = console.run("status", "--fail-on", "pending", "--fail-on", "modified");
    assertThat(repeated.exitCode()).isEqualTo(1);
    assertThat(repeated.err()).contains("1 modified");

    assertThat(console.run("status", "--fail-on", "pending,modified").exitCode()).isEqualTo(1);
  }

  @Test
  void anOptionThatTakesOneValueRefusesASecond(TestDatabase db) {
    Console console = console(db);

    Run run = console.run("up", "--to", "head", "--to", "base");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--to").contains("once");
    assertThat(db.appliedIds()).isEmpty();
  }

  @Test
  void aHugeWordIsQuotedBackInAFewDozenCharacters(TestDatabase db) {
    Console console = console(db);
    console.run("up");

    for (String[] words : List.of(new String[] {"show", "1".repeat(20_000)}, new String[] {"1".repeat(20_000)},
        new String[] {"status", "--" + "x".repeat(20_000)}, new String[] {"status", "x".repeat(20_000)})) {
      Run run = console.run(words);

      assertThat(run.exitCode()).isNotZero();
      assertThat(run.err()).as(run.err()).hasLineCount(1).hasSizeLessThan(300).contains("…");
    }
  }
}
