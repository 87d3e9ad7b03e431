package com.authservice.migrate.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.cli.SampleConsole.Ran;
import org.junit.jupiter.api.Test;

/** A file of commands: run in order, comments and blank lines skipped, stopped at the first failure. */
class CommandScriptTest {

  private final SampleConsole console = SampleConsole.text();

  @Test
  void everyLineRunsInOrderAndQuotesKeepWordsTogether() {
    Ran ran = console.script("""
        # greetings
        greet Ann

        greet "Ann Lee" --loud
        """);

    assertThat(ran.exitCode()).isZero();
    assertThat(ran.out()).isEqualTo("Hello, Ann!\nHELLO, Ann Lee!\n");
  }

  @Test
  void theFirstFailureStopsTheFileWithItsExitCodeAndLine() {
    Ran ran = console.script("""
        greet Ann
        gate
        greet Bob
        """);

    assertThat(ran.exitCode()).isEqualTo(1);
    assertThat(ran.out()).isEqualTo("Hello, Ann!\ngate closed\n");
    assertThat(ran.err()).isEqualTo("Error: the gate is closed\nStopped at line 2: gate\n");
  }

  @Test
  void exitEndsTheFile() {
    Ran ran = console.script("greet Ann\nexit\ngreet Bob\n");

    assertThat(ran.exitCode()).isZero();
    assertThat(ran.out()).isEqualTo("Hello, Ann!\n");
  }

  @Test
  void anUnclosedQuoteIsAUsageErrorNamingTheLine() {
    Ran ran = console.script("greet Ann\ngreet \"Bob\n");

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.err()).isEqualTo("Error: line 2: unclosed quote\n");
  }
}
