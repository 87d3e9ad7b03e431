package com.authservice.migrate.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.cli.SampleConsole.Ran;
import org.junit.jupiter.api.Test;

/**
 * What an outcome means to the process: 0 worked, 1 failed, 2 typed wrong; one line on stderr, a stack trace only
 * with {@code --debug}; in JSON mode one document per command, a failure included.
 */
class CommandDispatcherTest {

  @Test
  void inputCoreCannotUseIsAUsageErrorOfOneLine() {
    Ran ran = SampleConsole.text().run("refuse");

    assertThat(ran.exitCode()).isEqualTo(2);
    assertThat(ran.err()).isEqualTo("Error: no migration matches \"abc\"; see `status`\n");
  }

  @Test
  void anUnexpectedFailureExitsOneAndPointsToDebugWithoutAStackTrace() {
    Ran ran = SampleConsole.text().run("crash");

    assertThat(ran.exitCode()).isEqualTo(1);
    assertThat(ran.err()).isEqualTo("Error: the unexpected happened (run with --debug for details)\n");
  }

  @Test
  void debugAddsTheStackTrace() {
    Ran ran = new SampleConsole(true, OutputFormat.TEXT).run("crash");

    assertThat(ran.exitCode()).isEqualTo(1);
    assertThat(ran.err()).contains("java.lang.IllegalStateException: the unexpected happened")
        .contains("\tat ").endsWith("Error: the unexpected happened\n");
  }

  @Test
  void aResultThatFailsIsShownFirstThenFailsTheCommand() {
    Ran closed = SampleConsole.text().run("gate");
    Ran open = SampleConsole.text().run("gate", "--open");

    assertThat(closed.exitCode()).isEqualTo(1);
    assertThat(closed.out()).isEqualTo("gate closed\n");
    assertThat(closed.err()).isEqualTo("Error: the gate is closed\n");
    assertThat(open.exitCode()).isZero();
    assertThat(open.err()).isEmpty();
  }

  @Test
  void jsonModeWritesOneDocumentWithTheCommandFirstAndTheExitCodeLast() {
    Ran ran = new SampleConsole(false, OutputFormat.JSON).run("echo", "hi");

    assertThat(ran.exitCode()).isZero();
    assertThat(ran.out()).isEqualTo("{\"command\":\"say\",\"name\":\"hi\",\"exitCode\":0}\n");
  }

  @Test
  void jsonModeAddsTheFailureToTheResultsDocument() {
    Ran gate = new SampleConsole(false, OutputFormat.JSON).run("gate");
    Ran usage = new SampleConsole(false, OutputFormat.JSON).run("greet", "--shout");

    assertThat(gate.out()).isEqualTo("{\"command\":\"gate\",\"open\":false,\"error\":\"gate_failed\","
        + "\"message\":\"the gate is closed\",\"exitCode\":1}\n");
    assertThat(usage.exitCode()).isEqualTo(2);
    assertThat(usage.out()).startsWith("{\"command\":\"greet\",\"error\":\"usage\",");
    assertThat(usage.err()).isEqualTo("Error: Unknown option --shout for greet; see `help greet`.\n");
  }
}
