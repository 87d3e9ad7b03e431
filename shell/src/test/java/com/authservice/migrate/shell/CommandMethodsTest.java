package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which {@code @Command} methods a command line registers. */
class CommandMethodsTest {

  private static final List<Method> ALL = CommandMethods.forRun(List.of()).methods();

  @Test
  void aCommandLineRegistersTheCommandItNamesByNameOrAliasAndHelpAndSourceRegisterAll() {
    for (Method method : ALL) {
      for (String name : CommandMethods.names(method).toList()) {
        List<String> line = Stream.concat(Arrays.stream(name.split(" ")), Stream.of("--some-option", "x")).toList();
        List<Method> registered = CommandMethods.forRun(line).methods();
        if (name.equals("help") || name.equals("source")) {
          assertThat(registered).as(name).containsExactlyInAnyOrderElementsOf(ALL);
        } else {
          assertThat(registered).as(name).containsExactlyInAnyOrderElementsOf(
              ALL.stream().filter(other -> CommandMethods.names(other).anyMatch(name::equals)).toList());
        }
      }
    }
  }

  @Test
  void aLineThatNamesNoCommandRegistersAllSoThatItsUsageErrorIsTheSame() {
    assertThat(CommandMethods.forRun(List.of("stauts")).methods()).containsExactlyInAnyOrderElementsOf(ALL);
    assertThat(CommandMethods.forRun(List.of("fleet", "bogus")).methods()).containsExactlyInAnyOrderElementsOf(ALL);
  }

  @Test
  void commandsThatShareAFirstWordAreDeclaredInOneClass() {
    Map<String, Class<?>> declaring = new HashMap<>();
    for (Method method : ALL) {
      CommandMethods.names(method).map(name -> name.split(" ")[0]).forEach(first -> {
        Class<?> earlier = declaring.putIfAbsent(first, method.getDeclaringClass());
        assertThat(earlier == null ? method.getDeclaringClass() : earlier).as(first)
            .isEqualTo(method.getDeclaringClass());
      });
    }
  }
}
