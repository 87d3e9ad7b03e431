package com.authservice.migrate.environment;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.YesNo;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one {@code environments/<name>.properties} (or the server part of a {@code fleets/<name>.properties})
 * in the MyBatis format ({@code url}, {@code username},
 * {@code password}) plus our keys ({@code host}, {@code port}, {@code database}, {@code schema},
 * {@code password_env}, {@code password_file}, {@code protected}). Values may use {@code ${VAR}} from the
 * environment, as MyBatis allows. A literal password is read as MyBatis reads it, with a warning. Whatever is
 * wrong with one file makes only that environment unusable, with the reason.
 */
public final class EnvironmentFile {

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

  /**
   * The file gives no usable connection (a variable not set, a bad value, an unreadable secret): the other
   * environments still work, and this one says why when it is chosen.
   */
  public static final class Unusable extends RuntimeException {
    public Unusable(String reason) {
      super(reason, null, false, false);
    }
  }

  private EnvironmentFile() {
  }

  /** {@code warnings} receives what is worth saying about a file that still works. */
  public static Environment read(String name, Path file, Map<String, String> env, boolean protectedByDefault,
      List<String> warnings) {
    String shown = file.getParent().getFileName() + "/" + file.getFileName();
    Properties raw = load(file, shown);
    String literalPassword = raw.getProperty("password", "");
    if (!literalPassword.isBlank() && !VARIABLE.matcher(literalPassword).find()) {
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
    put(variables, ConnectionSettings.JDBC_URL, values.get("url"));
    put(variables, ConnectionSettings.HOST, values.get("host"));
    put(variables, ConnectionSettings.PORT, values.get("port"));
    put(variables, ConnectionSettings.DB, values.get("database"));
    put(variables, ConnectionSettings.USER, values.get("username"));
    put(variables, ConnectionSettings.SCHEMA, values.get("schema"));
    put(variables, ConnectionSettings.PASSWORD, password(values, env, file, shown));
    boolean isProtected = isProtected(values.get("protected"), protectedByDefault, shown);
    try {
      return new Environment(name, ConnectionSettings.fromVariables(variables), isProtected);
    } catch (InvalidArgument e) {
      throw new Unusable(shown + ": " + e.getMessage());
    }
  }

  private static Properties load(Path file, String shown) {
    Properties raw = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      raw.load(reader);
      return raw;
    } catch (IOException e) {
      throw new Unusable("cannot read " + shown + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new Unusable(shown + " is not a properties file: " + e.getMessage());
    }
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
