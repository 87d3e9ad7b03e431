package com.authservice.migrate.shell.cli;

import com.authservice.migrate.errors.UserInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Turns already-split words into a command and its options and arguments. Spring Shell 4.0.1's own
 * parser re-splits a joined line (losing the shell's quoting), reads Alembic's {@code -1} as an option,
 * and its command adapter silently ignores unknown options and extra words; this one refuses them as usage
 * errors, and lets a list option be repeated.
 */
public final class CommandLine {

  private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]\\d+");

  /** Options whose value is a comma-separated list: repeating one adds to the list. */
  private static final Set<String> LIST_OPTIONS = Set.of("fail-on", "exclude", "models");

  private final CommandRegistry registry;
  private final PositionalArguments arguments;

  public CommandLine(CommandRegistry registry, PositionalArguments arguments) {
    this.registry = registry;
    this.arguments = arguments;
  }

  /** The command the words start with, matching multi-word names such as {@code env list}. */
  public Command command(List<String> words) {
    for (int length = Math.min(3, words.size()); length >= 1; length--) {
      Command command = registry.getCommandByName(String.join(" ", words.subList(0, length)));
      if (command != null) {
        return command;
      }
    }
    throw new UsageError("Unknown command " + UserInput.quote(words.isEmpty() ? "" : words.get(0))
        + "; type `help` to list the commands.");
  }

  public ParsedInput parse(Command command, List<String> words) {
    int nameLength = command.getName().split(" ").length;
    if (!command.getName().equals(String.join(" ", words.subList(0, Math.min(nameLength, words.size()))))) {
      nameLength = 1; // invoked by an alias
    }
    ParsedInput.Builder input = ParsedInput.builder().commandName(command.getName());
    Map<CommandOption, String> options = new LinkedHashMap<>();
    int limit = arguments.limit(command);
    int argumentIndex = 0;
    boolean onlyArguments = false;
    String previousListOption = null;
    for (int i = nameLength; i < words.size(); i++) {
      String word = words.get(i);
      if (onlyArguments || !word.startsWith("-") || SIGNED_NUMBER.matcher(word).matches() || word.equals("-")) {
        if (argumentIndex >= limit) {
          throw extraWord(command, limit, word, previousListOption, options);
        }
        input.addArgument(new CommandArgument(argumentIndex++, word));
        previousListOption = null;
        continue;
      }
      if (word.equals("--")) {
        onlyArguments = true;
        continue;
      }
      String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      CommandOption declared = command.getOptions().stream().filter(o -> o.isOptionEqual(name)).findFirst()
          .orElseThrow(() -> new UsageError("Unknown option " + UserInput.shorten(name) + " for " + command.getName()
              + "; see `help " + command.getName() + "`."));
      String value;
      if (word.contains("=")) {
        value = word.substring(word.indexOf('=') + 1);
      } else if (isFlag(declared)) {
        value = "true";
      } else if (i + 1 < words.size()) {
        value = words.get(++i);
      } else {
        throw new UsageError("Option " + name + " of " + command.getName() + " needs a value.");
      }
      boolean list = LIST_OPTIONS.contains(declared.longName());
      if (options.containsKey(declared) && !list) {
        throw new UsageError("Option --" + declared.longName() + " of " + command.getName()
            + " can be given only once.");
      }
      options.merge(declared, value, (first, next) -> first + "," + next);
      previousListOption = list ? declared.longName() : null;
    }
    options.forEach((declared, value) -> input.addOption(CommandOption.with().longName(declared.longName())
        .shortName(declared.shortName()).value(value).build()));
    return input.build();
  }

  /** A word beyond what the command takes; after a list option's value it was most likely meant for the list. */
  private static UsageError extraWord(Command command, int limit, String word, String listOption,
      Map<CommandOption, String> options) {
    String takes = limit == 0 ? "takes no arguments" : "takes at most " + limit + (limit == 1 ? " argument" : " arguments");
    String hint = "see `help " + command.getName() + "`";
    if (listOption != null) {
      String values = options.entrySet().stream().filter(e -> e.getKey().longName().equals(listOption))
          .map(Map.Entry::getValue).findFirst().orElse("");
      hint = "a list is comma-separated (--" + listOption + " " + values + "," + word + ") or the option repeated";
    }
    return new UsageError("Unexpected word " + UserInput.quote(word) + ": " + command.getName() + " " + takes
        + "; " + hint + ".");
  }

  /** A flag: present or not, it takes no value. */
  static boolean isFlag(CommandOption option) {
    return option.type() == boolean.class || option.type() == Boolean.class;
  }
}
