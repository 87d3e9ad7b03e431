package com.authservice.migrate.shell.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Arguments;

/** {@code help} and {@code help <command>}, with the examples each command carries. */
public class HelpCommand {

  @org.springframework.shell.core.command.annotation.Command(name = "help", group = "Built-In Commands",
      description = "List the commands, or explain one with examples", help = """
          Usage: help [COMMAND]
            help               every command by group
            help up            what up does, its options and examples""")
  public Object help(@Arguments List<String> words, CommandContext context) {
    String name = words == null ? "" : String.join(" ", words).strip();
    if (name.isEmpty()) {
      return overview(context);
    }
    Command command = context.commandRegistry().getCommandByName(name);
    if (command == null) {
      throw new UsageError("No command named \"" + name + "\"; type `help` for the list");
    }
    String usage = command.getHelp() == null || command.getHelp().isBlank()
        || command.getHelp().startsWith(command.getName() + "(") ? "" : command.getHelp().stripTrailing();
    return new HelpShown(command.getName(), command.getDescription(), List.copyOf(command.getAliases()), usage,
        command.getOptions().stream().map(option -> new HelpShown.OptionHelp(option.longName(),
            option.description() == null ? "" : option.description())).toList());
  }

  private static CommandsListed overview(CommandContext context) {
    Map<String, List<CommandsListed.Entry>> groups = new TreeMap<>();
    context.commandRegistry().getCommands().stream()
        .filter(command -> !command.isHidden())
        .sorted(Comparator.comparing(Command::getName))
        .forEach(command -> groups.computeIfAbsent(command.getGroup().isEmpty() ? "Built-In Commands"
            : command.getGroup(), group -> new ArrayList<>())
            .add(new CommandsListed.Entry(command.getName(), command.getDescription())));
    return new CommandsListed(groups);
  }
}
