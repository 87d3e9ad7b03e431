package com.authservice.migrate.shell.commands;

import com.authservice.migrate.shell.cli.UsageError;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;

/**
 * {@code --fleet NAME [--parallel N] [--fail-fast]}, declared once: the console adds these options to every
 * command whose method is marked {@link TakesFleet}, and the method reads them with {@link #of}.
 */
public record FleetOptions(String fleet, OptionalInt parallel, boolean failFast) {

  private static final CommandOption FLEET = option("fleet", String.class,
      "every member of a fleet (fleets/<name>.properties)");
  private static final CommandOption PARALLEL = option("parallel", Integer.class,
      "with --fleet: members at once (default: what the server spares, at most 8)");
  private static final CommandOption FAIL_FAST = option("fail-fast", Boolean.class,
      "with --fleet: start no member after one failed");

  /** Marks a command that runs on a fleet's members with {@code --fleet}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target(ElementType.METHOD)
  public @interface TakesFleet {

    /** Whether {@code --fail-fast} applies: it does to commands that change members, not to reads. */
    boolean failFast() default true;
  }

  /** The options {@code method} takes besides its own parameters: none unless it is marked {@link TakesFleet}. */
  public static List<CommandOption> declaredOn(Method method) {
    TakesFleet takes = method.getAnnotation(TakesFleet.class);
    if (takes == null) {
      return List.of();
    }
    return takes.failFast() ? List.of(FLEET, PARALLEL, FAIL_FAST) : List.of(FLEET, PARALLEL);
  }

  /** The options as typed for this command; {@code --parallel} is a whole number. */
  static FleetOptions of(CommandContext context) {
    String parallel = value(context, PARALLEL);
    OptionalInt members = OptionalInt.empty();
    if (parallel != null) {
      try {
        members = OptionalInt.of(Integer.parseInt(parallel.strip()));
      } catch (NumberFormatException e) {
        throw new UsageError("--parallel takes how many members run at once, 1 or more, not \"" + parallel + "\"");
      }
    }
    return new FleetOptions(value(context, FLEET), members, "true".equals(value(context, FAIL_FAST)));
  }

  /** Whether {@code --fleet} was given; {@code --parallel} or {@code --fail-fast} without it were typed wrong. */
  boolean requested() {
    if (fleet == null && (parallel.isPresent() || failFast)) {
      throw new UsageError("--parallel and --fail-fast go with --fleet NAME");
    }
    return fleet != null;
  }

  private static String value(CommandContext context, CommandOption option) {
    CommandOption typed = context.getOptionByLongName(option.longName());
    return typed == null ? null : typed.value();
  }

  private static CommandOption option(String name, Class<?> type, String description) {
    return CommandOption.with().longName(name).type(type).description(description).build();
  }
}
