package com.authservice.migrate.environment;

import com.authservice.migrate.definition.DefinitionFile;
import com.authservice.migrate.definition.DefinitionFile.Unusable;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.hook.HookSetting;
import com.authservice.migrate.mybatis.IdPattern;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.NearestName;
import com.authservice.migrate.settings.SettingSource;
import com.authservice.migrate.settings.YesNo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one {@code environments/<name>.properties} (or the server part of a {@code fleets/<name>.properties})
 * in the MyBatis format ({@code url}, {@code username},
 * {@code password}) plus our keys ({@code host}, {@code port}, {@code database}, {@code schema},
 * {@code password_env}, {@code password_file}, {@code protected}). Values may use {@code ${VAR}} from the
 * environment, as MyBatis allows. A literal password is read as MyBatis reads it, with a warning. Whatever is
 * wrong with one file makes only that environment unusable, with the reason: a key it does not know (with the
 * nearest known one), a missing host, database or user, a MyBatis hook it would not run (see {@link HookSetting}).
 */
public final class EnvironmentFile {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern URL_PASSWORD = Pattern.compile("//[^/@]*?:([^/@]*)@|[?&]password=([^&]*)");
  /** Our keys and the connection keys MyBatis shares with us: what the console reads. */
  private static final Map<String, String> CONNECTION_KEYS = Map.of(ConnectionSettings.JDBC_URL, "url",
      ConnectionSettings.HOST, "host", ConnectionSettings.PORT, "port", ConnectionSettings.DB, "database",
      ConnectionSettings.USER, "username", ConnectionSettings.SCHEMA, "schema",
      ConnectionSettings.PASSWORD, "password");
  // exclude_tables: the tables check and autogenerate leave alone (read with the script variables);
  // idpattern: MyBatis' --idpattern that `init --idpattern` keeps with the repository.
  private static final Set<String> OWN_KEYS = Set.of("password_env", "password_file", "protected", "exclude_tables",
      IdPattern.SETTING);
  /**
   * The MyBatis CLI's settings that the console accepts so that one file serves both, and ignores: it always
   * runs PostgreSQL's driver, whole scripts, no auto-commit, warnings ignored; {@code changelog} is the
   * variable of the changelog table's name.
   */
  private static final Set<String> MYBATIS_KEYS = Set.of("time_zone", "delimiter", "script_char_set",
      "full_line_delimiter", "send_full_script", "auto_commit", "remove_crs", "ignore_warnings", "driver_path",
      "driver", "changelog");
  /** MyBatis Migrations 3.5.0's hooks: SQL up/down hooks run; any other is refused, never run without. */
  private static final Set<String> MYBATIS_HOOKS = Set.copyOf(HookSetting.KEYS);

  /**
   * What a kind of definition file may hold besides the connection keys ({@code extraKeys}: a fleet's member
   * globs, the variables the scripts use), and the database it connects to when it names none (null: it must).
   * The extra keys are asked for only when a file holds a key that is no setting: finding the scripts' variables
   * reads every script, which every command loading the environments would otherwise pay for.
   */
  public record Rules(Supplier<Set<String>> extraKeys, String defaultDatabase) {
    public Rules(Set<String> extraKeys, String defaultDatabase) {
      this(() -> extraKeys, defaultDatabase);
    }
  }

  private EnvironmentFile() {
  }

  /** {@code warnings} receives what is worth saying about a file that still works. */
  public static Environment read(DefinitionFile definition, Map<String, String> env, boolean protectedByDefault,
      List<String> warnings, Rules rules) {
    String name = definition.name();
    Path file = definition.file();
    String shown = definition.shown();
    Properties raw = definition.keys();
    requireKnownKeys(raw, shown, rules);
    String literalPassword = raw.getProperty("password", "");
    if (!literalPassword.isBlank() && !VARIABLE.matcher(literalPassword).find()
        || hasLiteralPassword(raw.getProperty("url", ""))) {
      warnings.add(shown + " holds a literal password; committed passwords are a risk: "
          + "use password=${VARIABLE}, password_env or password_file");
    }
    Map<String, String> values = new HashMap<>();
    Set<String> unset = new TreeSet<>();
    // An unset password variable is an empty password (trust or peer authentication); anything else is a gap.
    raw.stringPropertyNames().forEach(key -> values.put(key,
        substitute(raw.getProperty(key), env, key.equals("password") ? new TreeSet<>() : unset)));
    if (!unset.isEmpty()) {
      throw new Unusable(shown + " uses " + String.join(", ", unset)
          + ", not set in the environment or .env: set them, or fix the file");
    }

    Map<String, String> variables = new HashMap<>();
    CONNECTION_KEYS.forEach((variable, key) -> put(variables, variable, values.get(key)));
    put(variables, ConnectionSettings.PASSWORD, password(values, env, file, shown));
    boolean isProtected = isProtected(values.get("protected"), protectedByDefault, shown);
    try {
      return new Environment(name, ConnectionSettings.fromFile(variables, SettingSource.file(shown, CONNECTION_KEYS),
          rules.defaultDatabase()), isProtected);
    } catch (InvalidArgument e) {
      throw new Unusable(e.getMessage());
    }
  }

  /** A key MyBatis or the console would not read is most likely a misspelt one, whose value would be lost. */
  private static void requireKnownKeys(Properties raw, String shown, Rules rules) {
    Set<String> known = new TreeSet<>(CONNECTION_KEYS.values());
    known.addAll(OWN_KEYS);
    known.addAll(MYBATIS_KEYS);
    if (!known.containsAll(raw.stringPropertyNames())) {
      known.addAll(rules.extraKeys().get());
    }
    for (String key : new TreeSet<>(raw.stringPropertyNames())) {
      if (MYBATIS_HOOKS.contains(key)) {
        try {
          HookSetting.parse(key, raw.getProperty(key), shown);
        } catch (InvalidArgument e) {
          throw new Unusable(e.getMessage());
        }
        continue;
      }
      if (!known.contains(key)) {
        Set<String> candidates = new TreeSet<>(known);
        candidates.addAll(MYBATIS_HOOKS);
        throw new Unusable(shown + ": unknown key " + key + NearestName.of(key, candidates)
            .map(near -> " (did you mean " + near + "?)")
            .orElse(" (not a setting, and no script uses ${" + key + "})"));
      }
    }
  }

  /** A password written into the URL itself, before the host or as a parameter, and not as a ${VARIABLE}. */
  private static boolean hasLiteralPassword(String url) {
    Matcher password = URL_PASSWORD.matcher(url);
    while (password.find()) {
      String value = password.group(1) != null ? password.group(1) : password.group(2);
      if (!value.isEmpty() && !VARIABLE.matcher(value).find()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isProtected(String value, boolean byDefault, String shown) {
    if (value == null) {
      return byDefault;
    }
    return YesNo.parse(value).orElseThrow(() ->
        new Unusable(shown + ": protected must be " + YesNo.ACCEPTED + ", not \"" + value.strip() + "\""));
  }

  private static String password(Map<String, String> values, Map<String, String> env, Path file, String shown) {
    if (values.containsKey("password_env")) {
      return env.getOrDefault(values.get("password_env").strip(), "");
    }
    if (values.containsKey("password_file")) {
      Path secret = file.getParent().resolve(values.get("password_file").strip());
      try {
        return Files.readString(secret, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new Unusable(shown + ": cannot read password_file " + secret);
      }
    }
    return values.getOrDefault("password", "");
  }

  private static String substitute(String value, Map<String, String> env, Set<String> unset) {
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String variable = matcher.group(1);
      if (!env.containsKey(variable)) {
        unset.add("${" + variable + "}");
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(env.getOrDefault(variable, "")));
    }
    matcher.appendTail(result);
    return result.toString().strip();
  }

  private static void put(Map<String, String> variables, String key, String value) {
    if (value != null && !value.isBlank()) {
      variables.put(key, value);
    }
  }
}
