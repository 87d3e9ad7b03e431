package com.authservice.migrate.shell.launch;

import com.authservice.migrate.tablelock.TableLockWait;
import com.authservice.migrate.settings.YesNo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options that shape the whole run, accepted anywhere on the command line:
 * {@code --path DIR}, {@code --env NAME[,NAME]}, {@code --lock-timeout SECONDS}, {@code --embedded},
 * {@code --file F} or {@code @F}, {@code --debug}, {@code --version}, {@code --output json|text}, and the MyBatis
 * CLI's {@code --trace} (= {@code --debug}), {@code --quiet}, {@code --force}, {@code --idpattern P}, and
 * {@code --lock-wait 5s} (each migration's {@code lock_timeout}). What remains is the command and its own options.
 * Some may also come from the environment; the flag wins. After {@code script}, {@code --output FILE} is that
 * command's own option.
 */
public record LaunchOptions(Optional<Path> path, List<String> environments, Optional<Duration> lockTimeout,
    boolean embedded, Optional<Path> file, boolean debug, boolean version, List<String> command,
    boolean quiet, boolean force, Optional<String> idPattern, Optional<Duration> lockWait,
    Optional<OutputFormat> output) {

  public static final String LOCK_TIMEOUT_VARIABLE = "MIGRATE_LOCK_TIMEOUT";
  public static final String EMBEDDED_VARIABLE = "MIGRATE_EMBEDDED";
  public static final String OUTPUT_VARIABLE = "MIGRATE_OUTPUT";

  public static LaunchOptions parse(String... args) {
    Optional<Path> path = Optional.empty();
    List<String> environments = new ArrayList<>();
    Optional<Duration> lockTimeout = Optional.empty();
    boolean embedded = false;
    Optional<Path> file = Optional.empty();
    boolean debug = false;
    boolean version = false;
    List<String> command = new ArrayList<>();
    boolean quiet = false;
    boolean force = false;
    Optional<String> idPattern = Optional.empty();
    Optional<Duration> lockWait = Optional.empty();
    Optional<OutputFormat> output = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      boolean inline = arg.contains("=") && arg.startsWith("--");
      boolean scriptsOwn = name.equals("--output") && !command.isEmpty() && command.get(0).equals("script");
      switch (scriptsOwn ? "" : name) {
        case "--path" -> path = Optional.of(Path.of(inline ? value(arg) : next(args, ++i, name)));
        case "--env" -> environments.addAll(List.of((inline ? value(arg) : next(args, ++i, name)).split(",")));
        case "--lock-timeout" -> lockTimeout = Optional.of(seconds(inline ? value(arg) : next(args, ++i, name), name));
        case "--embedded" -> embedded = true;
        case "--file" -> file = Optional.of(Path.of(inline ? value(arg) : next(args, ++i, name)));
        case "--debug", "--trace" -> debug = true;
        case "--quiet" -> quiet = true;
        case "--force" -> force = true;
        case "--idpattern" -> idPattern = Optional.of(inline ? value(arg) : next(args, ++i, name));
        case "--lock-wait" -> lockWait = Optional.of(duration(inline ? value(arg) : next(args, ++i, name), name));
        case "--version" -> version = true;
        case "--output" -> output = Optional.of(OutputFormat.parse(inline ? value(arg) : next(args, ++i, name), name));
        default -> {
          if (command.isEmpty() && arg.startsWith("@") && arg.length() > 1) {
            file = Optional.of(Path.of(arg.substring(1)));
          } else {
            command.add(arg);
          }
        }
      }
    }
    environments.replaceAll(String::strip);
    environments.removeIf(String::isEmpty);
    return new LaunchOptions(path, List.copyOf(environments), lockTimeout, embedded, file, debug,
        version && command.isEmpty(), List.copyOf(command), quiet, force, idPattern, lockWait, output);
  }

  private static Duration duration(String text, String option) {
    return TableLockWait.parseDuration(text).orElseThrow(() -> new LaunchError(option
        + " takes a duration such as 500ms, 5s or 2min, not \"" + text + "\""));
  }

  /** Text or JSON on stdout: {@code --output}, else MIGRATE_OUTPUT, else text. */
  public OutputFormat output(Map<String, String> environment) {
    return output.orElseGet(() -> Optional.ofNullable(environment.get(OUTPUT_VARIABLE))
        .filter(value -> !value.isBlank())
        .map(value -> OutputFormat.parse(value, OUTPUT_VARIABLE))
        .orElse(OutputFormat.TEXT));
  }

  /**
   * For a command line that {@link #parse} refused: whether it asked for JSON, so that even that error is a
   * document. Reads only {@code --output} and MIGRATE_OUTPUT, and takes anything it cannot read as text.
   */
  public static OutputFormat outputAskedFor(String[] args, Map<String, String> environment) {
    for (int i = 0; i < args.length; i++) {
      String value = args[i].startsWith("--output=") ? value(args[i])
          : args[i].equals("--output") && i + 1 < args.length ? args[i + 1] : null;
      if (value != null) {
        return value.strip().equalsIgnoreCase("json") ? OutputFormat.JSON : OutputFormat.TEXT;
      }
    }
    return "json".equalsIgnoreCase(environment.getOrDefault(OUTPUT_VARIABLE, "").strip()) ? OutputFormat.JSON
        : OutputFormat.TEXT;
  }

  /** How long a changing command waits for another run's lock: {@code --lock-timeout}, else MIGRATE_LOCK_TIMEOUT. */
  public Optional<Duration> lockTimeout(Map<String, String> environment) {
    return lockTimeout.or(() -> Optional.ofNullable(environment.get(LOCK_TIMEOUT_VARIABLE))
        .filter(value -> !value.isBlank())
        .map(value -> seconds(value, LOCK_TIMEOUT_VARIABLE)));
  }

  /** Whether the embedded database was asked for: {@code --embedded}, else MIGRATE_EMBEDDED. */
  public boolean embedded(Map<String, String> environment) {
    String value = environment.get(EMBEDDED_VARIABLE);
    if (embedded || value == null || value.isBlank()) {
      return embedded;
    }
    return YesNo.parse(value).orElseThrow(() -> new LaunchError(EMBEDDED_VARIABLE + " takes " + YesNo.ACCEPTED
        + ", not \"" + value.strip() + "\""));
  }

  private static String value(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }

  private static String next(String[] args, int index, String option) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new LaunchError(option + " needs a value");
    }
    return args[index];
  }

  private static Duration seconds(String text, String setting) {
    try {
      long seconds = Long.parseLong(text.strip());
      if (seconds < 0) {
        throw new NumberFormatException();
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new LaunchError(setting + " takes a number of seconds, not \"" + text + "\"");
    }
  }

  /** A global option used wrongly: a usage error. */
  public static final class LaunchError extends RuntimeException {
    public LaunchError(String message) {
      super(message);
    }
  }
}
