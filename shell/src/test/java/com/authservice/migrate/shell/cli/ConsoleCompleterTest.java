package com.authservice.migrate.shell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

/**
 * Tab completion of command names, option names and option values, including a value already partly typed, which
 * Spring Shell 4.0.1's own completer leaves empty (spring-shell#1346).
 */
class ConsoleCompleterTest {

  private final ConsoleCompleter completer = new ConsoleCompleter(SampleConsole.registry(),
      Map.of("fail-on", new FixedCompletion(() -> {
        Map<String, String> states = new LinkedHashMap<>();
        states.put("pending", "state");
        states.put("modified", "state");
        return states;
      })));

  private List<String> complete(String line) {
    ParsedLine parsed = new DefaultParser().parse(line, line.length());
    List<Candidate> candidates = new ArrayList<>();
    completer.complete(null, parsed, candidates);
    return candidates.stream().map(Candidate::value).toList();
  }

  @Test
  void aCommandIsCompletedByItsNameOrAlias() {
    assertThat(complete("gr")).containsExactly("greet");
    assertThat(complete("ec")).containsExactly("echo");
  }

  @Test
  void optionsAreOfferedExceptThoseAlreadyTyped() {
    assertThat(complete("greet --")).containsExactlyInAnyOrder("--loud", "--fail-on");
    assertThat(complete("greet --loud --")).containsExactly("--fail-on");
  }

  @Test
  void aPartlyTypedValueIsCompletedFromTheOptionsValues() {
    assertThat(complete("greet --fail-on ")).containsExactly("pending", "modified");
    assertThat(complete("greet --fail-on mo")).containsExactly("modified");
  }

  @Test
  void aNegativeNumberIsNotTakenForAnOption() {
    assertThat(complete("greet -1")).isEmpty();
  }
}
