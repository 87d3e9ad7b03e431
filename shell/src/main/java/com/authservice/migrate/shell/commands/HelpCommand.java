package com.authservice.migrate.shell.commands;

import com.authservice.migrate.shell.launch.GlobalOption;
import com.authservice.migrate.shell.run.UsageError;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.annotation.Arguments;

/** {@code help} and {@code help <command>}, with the examples each command carries. */
public class HelpCommand {

  @org.springframework.shell.core.command.annotation.Command(name = "help", group = "Built-In Commands",
      description = "List the commands, or explain one with examples", help = """
          Usage: help [COMMAND]
            help               every command by group
            help up            what up does, its options and examples""")
  public void help(@Arguments List<String> words, CommandContext context) {
    PrintWriter out = context.outputWriter();
    String name = words == null ? "" : String.join(" ", words).strip();
    if (name.isEmpty()) {
      overview(context, out);
      return;
    }
    Command command = context.commandRegistry().getCommandByName(name);
    if (command == null) {
      throw new UsageError("No command named \"" + name + "\"; type `help` for the list");
    }
    out.println(command.getName() + " - " + command.getDescription());
    if (!command.getAliases().isEmpty()) {
      out.println("Aliases: " + String.join(", ", command.getAliases()));
    }
    if (command.getHelp() != null && !command.getHelp().isBlank() && !command.getHelp().startsWith(command.getName() + "(")) {
      out.println();
      out.println(command.getHelp().stripTrailing());
    }
    if (!command.getOptions().isEmpty()) {
      out.println();
      out.println("Options:");
      for (CommandOption option : command.getOptions()) {
        out.printf("  --%-20s %s%n", option.longName(), option.description() == null ? "" : option.description());
      }
    }
    out.println();
    out.println("Global options:");
    for (GlobalOption option : GlobalOption.values()) {
      out.println("  " + option.helpLine());
    }
  }

  private static void overview(CommandContext context, PrintWriter out) {
    Map<String, List<Command>> groups = new TreeMap<>(context.commandRegistry().getCommands().stream()
        .filter(command -> !command.isHidden())
        .collect(Collectors.groupingBy(command -> command.getGroup().isEmpty() ? "Built-In Commands" : command.getGroup())));
    for (Map.Entry<String, List<Command>> group : groups.entrySet()) {
      out.println(group.getKey());
      group.getValue().stream().sorted(Comparator.comparing(Command::getName))
          .forEach(command -> out.printf("  %-12s %s%n", command.getName(), command.getDescription()));
      out.println();
    }
    out.println("help <command> explains one with examples. Exit codes: 0 ok, 1 failed, 2 usage error.");
  }

}
