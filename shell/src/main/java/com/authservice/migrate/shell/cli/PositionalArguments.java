package com.authservice.migrate.shell.cli;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;

/**
 * How many words each command takes besides its options, read from its method's {@code @Argument} and
 * {@code @Arguments} parameters: Spring Shell 4.0.1 drops the words a method has no parameter for.
 */
public final class PositionalArguments {

  /** The limit of a command whose words are free text (a description, a message), or that is not known. */
  public static final int ANY = Integer.MAX_VALUE;

  private final Map<String, Integer> limits;

  private PositionalArguments(Map<String, Integer> limits) {
    this.limits = Map.copyOf(limits);
  }

  public static PositionalArguments none() {
    return new PositionalArguments(Map.of());
  }

  /** From the {@code @Command} methods; each command is known by its name and its aliases. */
  public static PositionalArguments of(Collection<Method> commandMethods) {
    Map<String, Integer> limits = new HashMap<>();
    for (Method method : commandMethods) {
      var command = method.getAnnotation(org.springframework.shell.core.command.annotation.Command.class);
      int limit = limit(method);
      limits.put(String.join(" ", command.name()), limit);
      for (String alias : command.alias()) {
        limits.put(alias, limit);
      }
    }
    return new PositionalArguments(limits);
  }

  public int limit(Command command) {
    return limits.getOrDefault(command.getName(), ANY);
  }

  private static int limit(Method method) {
    int count = 0;
    for (Parameter parameter : method.getParameters()) {
      if (parameter.isAnnotationPresent(Arguments.class)) {
        return ANY;
      }
      if (parameter.isAnnotationPresent(Argument.class)) {
        count = Math.max(count, parameter.getAnnotation(Argument.class).index() + 1);
      }
    }
    return count;
  }
}
