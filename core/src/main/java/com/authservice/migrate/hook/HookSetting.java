package com.authservice.migrate.hook;

import com.authservice.migrate.errors.InvalidArgument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One {@code hook_*} line of an environment file, read as MyBatis Migrations 3.5.0 reads it:
 * {@code <language>:<file in hooks/>[:name=value...]}, the {@code name=value} segments being variables of that
 * hook alone. Only SQL hooks of {@code up} and {@code down} run here; anything MyBatis would hand to a JSR-223
 * engine (JavaScript) is refused, never skipped, so that a repository never runs without its hooks.
 */
public record HookSetting(String key, String fileName, Map<String, String> variables) {

  /** The up and down hooks, which run SQL; MyBatis' {@code new} and {@code script} hooks are JSR-223 only. */
  public static final List<String> RUN_KEYS = List.of("hook_before_up", "hook_before_each_up", "hook_after_each_up",
      "hook_after_up", "hook_before_down", "hook_before_each_down", "hook_after_each_down", "hook_after_down");
  private static final List<String> SCRIPT_ONLY_KEYS = List.of("hook_before_new", "hook_after_new",
      "hook_before_script", "hook_before_each_script", "hook_after_each_script", "hook_after_script");
  /** Every hook key MyBatis Migrations 3.5.0 reads. */
  public static final List<String> KEYS = Stream.concat(RUN_KEYS.stream(), SCRIPT_ONLY_KEYS.stream()).toList();
  private static final Pattern FILE_NAME =
      Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*(/[A-Za-z0-9_][A-Za-z0-9_.\\-]*)*");

  public HookSetting {
    variables = Map.copyOf(variables);
  }

  /** {@code value} of {@code key}; {@code where} names the file it came from, for the message. */
  public static HookSetting parse(String key, String value, String where) {
    String shown = where + ": " + key + "=" + value.strip();
    String[] segments = value.strip().split(":");
    if (SCRIPT_ONLY_KEYS.contains(key)) {
      throw new InvalidArgument(shown + " is a MyBatis " + key.substring(key.lastIndexOf('_') + 1)
          + " hook (JSR-223 scripts only), which this console does not run: remove it, or run that command with "
          + "MyBatis' own migrate command");
    }
    if (segments.length < 2 || segments[0].isBlank() || segments[1].isBlank()) {
      throw new InvalidArgument(shown + ": a hook is sql:<file in hooks/>[:name=value...], for example "
          + "sql:log_run.sql:what=up");
    }
    String language = segments[0].strip().toLowerCase(Locale.ROOT);
    if (!language.equals("sql")) {
      String kind = language.equals("js") || language.equals("javascript") ? "a JavaScript"
          : "a " + segments[0] + " (JSR-223)";
      throw new InvalidArgument(shown + " is " + kind + " hook, which this console does not run: rewrite it as an "
          + "SQL hook (sql:<file>.sql), or run this repository with MyBatis' own migrate command");
    }
    String fileName = segments[1].strip();
    // Validated because the name becomes a path: a hook reads hooks/ and nothing outside it.
    if (!FILE_NAME.matcher(fileName).matches() || fileName.contains("..")) {
      throw new InvalidArgument(shown + ": the hook's file must be a plain name inside hooks/ (letters, digits, "
          + "_ . - and /), not \"" + fileName + "\"");
    }
    Map<String, String> variables = new LinkedHashMap<>();
    for (int i = 2; i < segments.length; i++) {
      int equals = segments[i].indexOf('=');
      // MyBatis ignores a segment without '='; so does the console.
      if (equals > 0) {
        variables.put(segments[i].substring(0, equals), segments[i].substring(equals + 1));
      }
    }
    return new HookSetting(key, fileName, variables);
  }

  /** How messages name the hook: {@code hook_before_up (hooks/log.sql)}. */
  public String shown() {
    return key + " (hooks/" + fileName + ")";
  }
}
