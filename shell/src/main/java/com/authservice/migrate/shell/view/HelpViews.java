package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.CommandsListed;
import com.authservice.migrate.shell.cli.HelpShown;
import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.shell.launch.GlobalOption;
import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.shell.cli.Json;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The views of {@code help}: the list of commands, and one command with its options and the global ones. */
final class HelpViews {

  private HelpViews() {
  }

  static List<View<?>> all() {
    return List.of(
        View.of(CommandsListed.class, HelpViews::listed, HelpViews::listedJson),
        View.of(HelpShown.class, HelpViews::shown, HelpViews::shownJson));
  }

  private static String listed(CommandsListed listed, Style style) {
    StringBuilder text = new StringBuilder();
    listed.groups().forEach((group, commands) -> {
      text.append(group).append('\n');
      commands.forEach(command -> text.append(String.format("  %-12s %s%n", command.name(), command.description())));
      text.append('\n');
    });
    return text.append("help <command> explains one with examples. Exit codes: 0 ok, 1 failed, 2 usage error.\n")
        .toString();
  }

  private static ObjectNode listedJson(CommandsListed listed) {
    ObjectNode document = Json.object();
    document.set("groups", Json.array(listed.groups().entrySet(), group -> {
      ObjectNode node = Json.object().put("name", group.getKey());
      node.set("commands", Json.array(group.getValue(), command -> Json.object().put("name", command.name())
          .put("description", command.description())));
      return node;
    }));
    return document;
  }

  private static String shown(HelpShown shown, Style style) {
    StringBuilder text = new StringBuilder(shown.name() + " - " + shown.description() + "\n");
    if (!shown.aliases().isEmpty()) {
      text.append("Aliases: ").append(String.join(", ", shown.aliases())).append('\n');
    }
    if (!shown.usage().isEmpty()) {
      text.append('\n').append(shown.usage()).append('\n');
    }
    if (!shown.options().isEmpty()) {
      text.append("\nOptions:\n");
      shown.options().forEach(option -> text.append(String.format("  --%-20s %s%n", option.name(),
          option.description())));
    }
    text.append("\nGlobal options:\n");
    for (GlobalOption option : GlobalOption.values()) {
      text.append("  ").append(option.helpLine()).append('\n');
    }
    return text.toString();
  }

  private static ObjectNode shownJson(HelpShown shown) {
    ObjectNode document = Json.object().put("name", shown.name()).put("description", shown.description());
    document.set("aliases", Json.strings(shown.aliases()));
    document.put("usage", shown.usage());
    document.set("options", Json.array(shown.options(), option -> Json.object().put("name", "--" + option.name())
        .put("description", option.description())));
    document.set("globalOptions", Json.array(Arrays.asList(GlobalOption.values()), option -> Json.object()
        .put("name", option.optionName()).put("help", option.helpLine())));
    return document;
  }
}
