package com.authservice.migrate.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The {@code error} codes of JSON output: one for every failure type, and every one documented in docs/json-output.md. */
class ErrorCodesTest {

  private static List<Class<?>> failureTypes() {
    return Arrays.asList(MigrationException.class.getPermittedSubclasses());
  }

  @Test
  void everyFailureTypeHasItsOwnCodeInTheTable() {
    assertThat(List.<Class<?>>copyOf(ErrorCodes.CODES.keySet())).containsExactlyInAnyOrderElementsOf(failureTypes());
    assertThat(ErrorCodes.CODES.values()).allMatch(code -> code.matches("[a-z]+(_[a-z]+)*"))
        .doesNotHaveDuplicates();
  }

  @Test
  void theJsonOutputPageListsEveryCode() throws Exception {
    String page = Files.readString(TestScripts.projectRepository().resolveSibling("docs/json-output.md"));

    Stream.concat(ErrorCodes.CODES.values().stream(),
            Stream.of(ErrorCodes.USAGE, ErrorCodes.GATE_FAILED, ErrorCodes.UNEXPECTED))
        .forEach(code -> assertThat(page).as(code).contains("| `" + code + "` |"));
  }
}
