package com.authservice.migrate.shell.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The options that shape the whole run, accepted anywhere on the command line:
 * {@code --path DIR}, {@code --env NAME[,NAME]}, {@code --lock-timeout SECONDS}, {@code --file F} or
 * {@code @F}, {@code --debug}, {@code --version}, and the MyBatis CLI's {@code --trace} (= {@code --debug}),
 * {@code --quiet}, {@code --force}, {@code --idpattern P}. What remains is the command and its own options.
 */
public record LaunchOptions(Optional<Path> path, List<String> environments, Optional<Duration> lockTimeout,
    Optional<Path> file, boolean debug, boolean version, List<String> command,
    boolean quiet, boolean force, Optional<String> idPattern) {

  public static LaunchOptions parse(String... args) {
    Optional<Path> path = Optional.empty();
    List<String> environments = new ArrayList<>();
    Optional<Duration> lockTimeout = Optional.empty();
    Optional<Path> file = Optional.empty();
    boolean debug = false;
    boolean version = false;
    List<String> command = new ArrayList<>();
    boolean quiet = false;
    boolean force = false;
    Optional<String> idPattern = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      boolean inline = arg.contains("=") && arg.startsWith("--");
      switch (name) {
        case "--path" -> path = Optional.of(Path.of(inline ? value(arg) : next(args, ++i, name)));
        case "--env" -> environments.addAll(List.of((inline ? value(arg) : next(args, ++i, name)).split(",")));
        case "--lock-timeout" -> lockTimeout = Optional.of(seconds(inline ? value(arg) : next(args, ++i, name)));
        case "--file" -> file = Optional.of(Path.of(inline ? value(arg) : next(args, ++i, name)));
        case "--debug", "--trace" -> debug = true;
        case "--quiet" -> quiet = true;
        case "--force" -> force = true;
        case "--idpattern" -> idPattern = Optional.of(inline ? value(arg) : next(args, ++i, name));
        case "--version" -> version = true;
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
    return new LaunchOptions(path, List.copyOf(environments), lockTimeout, file, debug, version && command.isEmpty(),
        List.copyOf(command), quiet, force, idPattern);
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

  private static Duration seconds(String text) {
    try {
      long seconds = Long.parseLong(text.strip());
      if (seconds < 0) {
        throw new NumberFormatException();
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new LaunchError("--lock-timeout takes a number of seconds, not \"" + text + "\"");
    }
  }

  /** A global option used wrongly: a usage error. */
  public static final class LaunchError extends RuntimeException {
    public LaunchError(String message) {
      super(message);
    }
  }
}
