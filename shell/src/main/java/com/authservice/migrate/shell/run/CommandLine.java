package com.authservice.migrate.shell.run;

import java.util.List;
import java.util.regex.Pattern;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandArgument;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Turns already-split words into a command and its options and arguments. Spring Shell 4.0.1's own
 * parser re-splits a joined line (losing the shell's quoting), reads Alembic's {@code -1} as an option,
 * and its command adapter silently ignores unknown options; this one refuses them as usage errors.
 */
public final class CommandLine {

  private static final Pattern SIGNED_NUMBER = Pattern.compile("[+-]\\d+");

  private final CommandRegistry registry;

  public CommandLine(CommandRegistry registry) {
    this.registry = registry;
  }

  /** The command the words start with, matching multi-word names such as {@code env list}. */
  public Command command(List<String> words) {
    for (int length = Math.min(3, words.size()); length >= 1; length--) {
      Command command = registry.getCommandByName(String.join(" ", words.subList(0, length)));
      if (command != null) {
        return command;
      }
    }
    throw new UsageError("Unknown command \"" + (words.isEmpty() ? "" : words.get(0))
        + "\"; type `help` to list the commands.");
  }

  public ParsedInput parse(Command command, List<String> words) {
    int nameLength = command.getName().split(" ").length;
    if (!command.getName().equals(String.join(" ", words.subList(0, Math.min(nameLength, words.size()))))) {
      nameLength = 1; // invoked by an alias
    }
    ParsedInput.Builder input = ParsedInput.builder().commandName(command.getName());
    int argumentIndex = 0;
    boolean onlyArguments = false;
    for (int i = nameLength; i < words.size(); i++) {
      String word = words.get(i);
      if (onlyArguments || !word.startsWith("-") || SIGNED_NUMBER.matcher(word).matches() || word.equals("-")) {
        input.addArgument(new CommandArgument(argumentIndex++, word));
        continue;
      }
      if (word.equals("--")) {
        onlyArguments = true;
        continue;
      }
      String name = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
      CommandOption declared = command.getOptions().stream().filter(o -> o.isOptionEqual(name)).findFirst()
          .orElseThrow(() -> new UsageError("Unknown option " + name + " for " + command.getName()
              + "; see `help " + command.getName() + "`."));
      String value;
      if (word.contains("=")) {
        value = word.substring(word.indexOf('=') + 1);
      } else if (isBoolean(declared)) {
        value = "true";
      } else if (i + 1 < words.size()) {
        value = words.get(++i);
      } else {
        throw new UsageError("Option " + name + " of " + command.getName() + " needs a value.");
      }
      input.addOption(CommandOption.with().longName(declared.longName()).shortName(declared.shortName())
          .value(value).build());
    }
    return input.build();
  }

  private static boolean isBoolean(CommandOption option) {
    return option.type() == boolean.class || option.type() == Boolean.class;
  }
}
