package com.authservice.migrate.shell.launch;

import com.authservice.migrate.shell.cli.OutputFormat;
import com.authservice.migrate.shell.cli.UsageError;
import com.authservice.migrate.tablelock.TableLockWait;
import com.authservice.migrate.settings.YesNo;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The options that shape the whole run ({@link GlobalOption}), accepted anywhere on the command line; {@code @F}
 * is {@code --file F}. What remains is the command and its own options. Some may also come from the environment;
 * the flag wins. After {@code script}, {@code --output FILE} is that command's own option.
 */
public record LaunchOptions(Optional<Path> path, List<String> environments, Optional<Duration> lockTimeout,
    boolean embedded, Optional<Path> file, boolean debug, boolean version, List<String> command,
    boolean quiet, boolean force, Optional<String> idPattern, Optional<Duration> lockWait,
    Optional<OutputFormat> output) {

  public static final String EMBEDDED_VARIABLE = "MIGRATE_EMBEDDED";
  public static final String OUTPUT_VARIABLE = "MIGRATE_OUTPUT";

  /** Where results go: {@code launch}'s stdout, or nowhere with {@code --quiet} (MyBatis' option; errors still reach stderr). */
  public PrintWriter results(LaunchContext launch) {
    return new PrintWriter(quiet ? OutputStream.nullOutputStream() : launch.out(), true);
  }

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
      Optional<GlobalOption> option = scriptsOwn ? Optional.empty() : GlobalOption.named(name);
      String value = option.isPresent() && option.get().takesValue() ? (inline ? value(arg) : next(args, ++i, name))
          : null;
      if (option.isEmpty()) {
        if (command.isEmpty() && arg.startsWith("@") && arg.length() > 1) {
          file = Optional.of(Path.of(arg.substring(1)));
        } else {
          command.add(arg);
        }
        continue;
      }
      switch (option.get()) {
        case PATH -> path = Optional.of(Path.of(value));
        case ENV -> environments.addAll(List.of(value.split(",")));
        case WAIT_FOR_OTHER_RUN -> lockTimeout = Optional.of(seconds(value, name));
        case EMBEDDED -> embedded = true;
        case FILE -> file = Optional.of(Path.of(value));
        case DEBUG -> debug = true;
        case QUIET -> quiet = true;
        case FORCE -> force = true;
        case ID_PATTERN -> idPattern = Optional.of(value);
        case TABLE_LOCK_TIMEOUT -> lockWait = Optional.of(duration(value, name));
        case VERSION -> version = true;
        case OUTPUT -> output = Optional.of(OutputFormat.parse(value, name));
      }
    }
    environments.replaceAll(String::strip);
    environments.removeIf(String::isEmpty);
    return new LaunchOptions(path, List.copyOf(environments), lockTimeout, embedded, file, debug,
        version && command.isEmpty(), List.copyOf(command), quiet, force, idPattern, lockWait, output);
  }

  private static Duration duration(String text, String option) {
    return TableLockWait.parseDuration(text).orElseThrow(() -> new UsageError(option
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

  /** How long a changing command waits for another run's lock: {@code --wait-for-other-run}, else its variables. */
  public Optional<Duration> lockTimeout(Map<String, String> environment) {
    return lockTimeout.or(() -> GlobalOption.WAIT_FOR_OTHER_RUN.variables().stream()
        .filter(variable -> environment.get(variable) != null && !environment.get(variable).isBlank()).findFirst()
        .map(variable -> seconds(environment.get(variable), variable)));
  }

  /** Whether the embedded database was asked for: {@code --embedded}, else MIGRATE_EMBEDDED. */
  public boolean embedded(Map<String, String> environment) {
    String value = environment.get(EMBEDDED_VARIABLE);
    if (embedded || value == null || value.isBlank()) {
      return embedded;
    }
    return YesNo.parse(value).orElseThrow(() -> new UsageError(EMBEDDED_VARIABLE + " takes " + YesNo.ACCEPTED
        + ", not \"" + value.strip() + "\""));
  }

  private static String value(String arg) {
    return arg.substring(arg.indexOf('=') + 1);
  }

  private static String next(String[] args, int index, String option) {
    if (index >= args.length || args[index].startsWith("--")) {
      throw new UsageError(option + " needs a value");
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
      throw new UsageError(setting + " takes a number of seconds, not \"" + text + "\"");
    }
  }
}
