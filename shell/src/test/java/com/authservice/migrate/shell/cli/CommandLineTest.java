package com.authservice.migrate.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.cli.SampleConsole.Ran;
import org.junit.jupiter.api.Test;

/**
 * The parser Spring Shell 4.0.1 lacks: words already split by the shell, Alembic's {@code -1} as an argument, and
 * every word the command does not take refused with exit code 2 — where the library's adapter drops it silently.
 */
class CommandLineTest {

  private final SampleConsole console = SampleConsole.text();

  @Test
  void anArgumentAndAFlagReachTheCommand() {
    Ran ran = console.run("greet", "Ann", "--loud");

    assertThat(ran.exitCode()).isZero();
    assertThat(ran.out()).isEqualTo("HELLO, Ann!\n");
  }

  @Test
  void anOptionMayBeWrittenWithAnEqualsSign() {
    assertThat(console.run("greet", "--fail-on=pending").out()).isEqualTo("Hello, world! [pending]\n");
  }

  @Test
  void aWordBeyondTheArgumentsIsRefusedByName() {
    Ran ran = console.run("greet", "Ann", "Bob");

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.out()).isEmpty();
    assertThat(ran.err()).isEqualTo("Error: Unexpected word \"Bob\": greet takes at most 1 argument; "
        + "see `help greet`.\n");
  }

  @Test
  void aListOptionMayBeRepeatedAndTheValuesAreJoined() {
    assertThat(console.run("greet", "--fail-on", "pending", "--fail-on", "modified").out())
        .isEqualTo("Hello, world! [pending,modified]\n");
  }

  @Test
  void aWordLeftAfterAListIsExplainedAsPartOfTheList() {
    Ran ran = console.run("greet", "Ann", "--fail-on", "pending", "modified");

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.err()).contains("Unexpected word \"modified\"")
        .contains("a list is comma-separated (--fail-on pending,modified) or the option repeated");
  }

  @Test
  void anOptionThatIsNotAListIsTakenOnce() {
    Ran ran = console.run("greet", "--loud", "--loud");

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.err()).contains("Option --loud of greet can be given only once.");
  }

  @Test
  void anUnknownOptionIsRefusedNamingTheCommandsHelp() {
    Ran ran = console.run("greet", "--shout");

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.err()).isEqualTo("Error: Unknown option --shout for greet; see `help greet`.\n");
  }

  @Test
  void anOptionWithoutItsValueIsRefused() {
    Ran ran = console.run("greet", "--fail-on");

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.err()).contains("Option --fail-on of greet needs a value.");
  }

  @Test
  void aSignedNumberIsAnArgumentNotAnOption() {
    assertThat(console.run("greet", "-1").out()).isEqualTo("Hello, -1!\n");
  }

  @Test
  void afterADoubleDashEveryWordIsAnArgument() {
    assertThat(console.run("greet", "--", "--loud").out()).isEqualTo("Hello, --loud!\n");
  }

  @Test
  void aCommandOfTwoWordsAndAnAliasAreFound() {
    assertThat(console.run("env", "list").out()).isEqualTo("Hello, environments!\n");
    assertThat(console.run("echo", "free", "text").out()).isEqualTo("Hello, free text!\n");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Ran ran = console.run("grete");

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.err()).isEqualTo("Error: Unknown command \"grete\"; type `help` to list the commands.\n");
  }
}
