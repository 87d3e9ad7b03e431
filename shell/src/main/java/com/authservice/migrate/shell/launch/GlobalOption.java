package com.authservice.migrate.shell.launch;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The options that shape the whole run, declared once: {@link LaunchOptions} parses them, {@code help} lists them.
 * The two waits have names that say which lock they are about; their old names ({@code --lock-timeout},
 * {@code --lock-wait} and their variables) stay as aliases.
 */
public enum GlobalOption {
  PATH("--path", "DIR", "the migrations repository (the folder holding scripts/)", List.of(), List.of()),
  ENV("--env", "NAME[,NAME]", "the environment(s) to work on", List.of(), List.of()),
  WAIT_FOR_OTHER_RUN("--wait-for-other-run", "SECONDS",
      "how long a changing command waits for another run to finish (default 60)",
      List.of("--lock-timeout"), List.of("MIGRATE_WAIT_FOR_OTHER_RUN", "MIGRATE_LOCK_TIMEOUT")),
  TABLE_LOCK_TIMEOUT("--table-lock-timeout", "DURATION",
      "each migration's lock_timeout, default 5s; it is rolled back and retried when it runs out",
      List.of("--lock-wait"), List.of("MIGRATE_TABLE_LOCK_TIMEOUT", "MIGRATE_LOCK_WAIT")),
  EMBEDDED("--embedded", null, "the embedded PostgreSQL", List.of(), List.of("MIGRATE_EMBEDDED")),
  FILE("--file", "F", "run the commands of a file (also @F)", List.of(), List.of()),
  DEBUG("--debug", null, "logs and stack traces", List.of("--trace"), List.of()),
  QUIET("--quiet", null, "no output but errors", List.of(), List.of()),
  FORCE("--force", null, "go on past failing migrations", List.of(), List.of()),
  ID_PATTERN("--idpattern", "000", "sequential ids for new scripts", List.of(), List.of()),
  VERSION("--version", null, "the console's version", List.of(), List.of()),
  OUTPUT("--output", "json|text", "one JSON document per command on stdout", List.of(), List.of("MIGRATE_OUTPUT"));

  private final String name;
  private final String value;
  private final String description;
  private final List<String> aliases;
  private final List<String> variables;

  GlobalOption(String name, String value, String description, List<String> aliases, List<String> variables) {
    this.name = name;
    this.value = value;
    this.description = description;
    this.aliases = aliases;
    this.variables = variables;
  }

  /** The option {@code word} names (its name or an alias), without any {@code =value}. */
  public static Optional<GlobalOption> named(String word) {
    return Arrays.stream(values()).filter(option -> option.name.equals(word) || option.aliases.contains(word))
        .findFirst();
  }

  public String optionName() {
    return name;
  }

  public boolean takesValue() {
    return value != null;
  }

  /**
   * The environment variables that set it, the current name first; the first one set wins.
   */
  public List<String> variables() {
    return variables;
  }

  /** One line of {@code help}: name, value, what it does, its aliases and variables. */
  public String helpLine() {
    StringBuilder line = new StringBuilder(name);
    if (value != null) {
      line.append(' ').append(value);
    }
    line.append(String.format("%n      ")).append(description);
    if (!aliases.isEmpty()) {
      line.append("; alias ").append(String.join(", ", aliases));
    }
    if (!variables.isEmpty()) {
      line.append("; also ").append(String.join(", ", variables)).append(" (the flag wins)");
    }
    return line.toString();
  }
}
