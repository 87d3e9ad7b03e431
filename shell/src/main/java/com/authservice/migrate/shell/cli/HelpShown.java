package com.authservice.migrate.shell.cli;

import java.util.List;

/** {@code help <command>}: what one command does, its usage with examples, its options and aliases. */
public record HelpShown(String name, String description, List<String> aliases, String usage,
    List<OptionHelp> options) {

  /** One option of the command: {@code --name} and what it does. */
  public record OptionHelp(String name, String description) {
  }
}
