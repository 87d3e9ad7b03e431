package com.authservice.migrate.shell;

import com.authservice.migrate.shell.cli.HelpCommand;
import com.authservice.migrate.shell.commands.EnvironmentCommands;
import com.authservice.migrate.shell.commands.LintCommands;
import com.authservice.migrate.shell.commands.ModelCommands;
import com.authservice.migrate.shell.commands.MyBatisCommands;
import com.authservice.migrate.shell.commands.RunCommands;
import com.authservice.migrate.shell.commands.ScriptCommands;
import com.authservice.migrate.shell.commands.SessionCommands;
import com.authservice.migrate.shell.commands.SourceCommand;
import com.authservice.migrate.shell.commands.StatusCommands;
import com.authservice.migrate.shell.commands.VerifyCommands;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.shell.core.command.annotation.Command;

/**
 * The {@code @Command} methods the console registers. A command given on the command line registers only itself:
 * each command is built from its method's annotations, and building all ~30 for the one that runs was a sixth of a
 * batch command's start-up. It is looked for class by class, up to the class that declares the line's first word
 * (commands that share a first word are declared together: CommandMethodsTest holds it); reading every method's
 * annotations was 2% of {@code status}. A line that names no command gets them all, so that its usage error is the
 * same; so do {@code help} and {@code source}, which reach the other commands by name. Found once per run: the
 * registry and the dispatcher share them.
 */
final class CommandMethods {

  static final List<Class<?>> COMMAND_CLASSES = List.of(StatusCommands.class, RunCommands.class,
      ScriptCommands.class, ModelCommands.class, EnvironmentCommands.class, SourceCommand.class, HelpCommand.class,
      MyBatisCommands.class, LintCommands.class, SessionCommands.class, VerifyCommands.class);

  private static final Set<String> REACHING_OTHERS = Set.of("help", "source");

  private final List<Method> methods;

  private CommandMethods(List<Method> methods) {
    this.methods = methods;
  }

  /** For the REPL, a command file or piped commands, all of them; for a command line, what it needs. */
  static CommandMethods forRun(List<String> commandLine) {
    return new CommandMethods(commandLine.isEmpty() ? all() : forCommandLine(commandLine));
  }

  List<Method> methods() {
    return methods;
  }

  private static List<Method> all() {
    return COMMAND_CLASSES.stream().flatMap(type -> commandsOf(type).stream()).toList();
  }

  private static List<Method> commandsOf(Class<?> type) {
    return Arrays.stream(type.getDeclaredMethods()).filter(method -> method.isAnnotationPresent(Command.class))
        .toList();
  }

  /** The command the line's first words name (as the dispatcher matches them), or all of them. */
  private static List<Method> forCommandLine(List<String> words) {
    for (Class<?> type : COMMAND_CLASSES) {
      List<Method> declared = commandsOf(type);
      if (declared.stream().anyMatch(method -> names(method).anyMatch(name -> firstWord(name).equals(words.get(0))))) {
        return named(declared, words);
      }
    }
    return all();
  }

  /** Of {@code declared}, which holds every command with the line's first word, those the longest words name. */
  private static List<Method> named(List<Method> declared, List<String> words) {
    for (int length = Math.min(3, words.size()); length >= 1; length--) {
      String name = String.join(" ", words.subList(0, length));
      List<Method> named = declared.stream().filter(method -> names(method).anyMatch(name::equals)).toList();
      if (!named.isEmpty()) {
        return named.stream().anyMatch(method -> REACHING_OTHERS.contains(names(method).findFirst().orElseThrow()))
            ? all() : named;
      }
    }
    return all();
  }

  private static String firstWord(String name) {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }

  /** A command's name and aliases, as a command line names it. */
  static Stream<String> names(Method method) {
    Command command = method.getAnnotation(Command.class);
    return Stream.concat(Stream.of(String.join(" ", command.name())), Arrays.stream(command.alias()));
  }
}
