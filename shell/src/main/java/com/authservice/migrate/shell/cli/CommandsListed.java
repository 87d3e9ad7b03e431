package com.authservice.migrate.shell.cli;

import java.util.List;
import java.util.Map;

/** {@code help}: every command by group, sorted. */
public record CommandsListed(Map<String, List<Entry>> groups) {

  /** A command's name and one line on what it does. */
  public record Entry(String name, String description) {
  }
}
