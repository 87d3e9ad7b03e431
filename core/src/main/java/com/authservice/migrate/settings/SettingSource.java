package com.authservice.migrate.settings;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Where connection values were written, so that a message names what the user typed: a variable
 * ({@code POSTGRES_PORT}), a file and its key ({@code environments/staging.properties: port}), a part of a URL,
 * or a fleet. {@code file} is null for variables; {@code labels} names single values where they came from
 * elsewhere than their own variable or key (a URL, a fleet's list of members).
 */
public record SettingSource(String file, Map<String, String> keys, Map<String, Named> labels) {

  /** How one value is named in a message, and what to change to fix it. */
  public record Named(String label, String origin) {
  }

  private static final SettingSource VARIABLES = new SettingSource(null, Map.of(), Map.of());

  public SettingSource {
    keys = Map.copyOf(keys);
    labels = Map.copyOf(labels);
  }

  /** The process environment and {@code .env}: each value is named by its variable. */
  public static SettingSource variables() {
    return VARIABLES;
  }

  /** A definition file shown as {@code shown}, whose {@code keys} hold the values of the variables they map from. */
  public static SettingSource file(String shown, Map<String, String> keys) {
    return new SettingSource(shown, keys, Map.of());
  }

  public boolean isFile() {
    return file != null;
  }

  /** How a message names the value of {@code variable}: {@code POSTGRES_PORT}, {@code fleets/t.properties: port}. */
  public String name(String variable) {
    if (labels.containsKey(variable)) {
      return labels.get(variable).label();
    }
    return file == null ? variable : file + ": " + key(variable);
  }

  /** The file's key for {@code variable}; the variable itself when there is no file. */
  public String key(String variable) {
    return keys.getOrDefault(variable, variable);
  }

  /**
   * The same source with {@code variable}'s value named {@code label}, fixed by changing {@code origin}: it came
   * from a URL ({@code the host in DATABASE_URL}, fixed in {@code DATABASE_URL}) or a fleet's list of members.
   */
  public SettingSource naming(String variable, String label, String origin) {
    Map<String, Named> named = new HashMap<>(labels);
    named.put(variable, new Named(label, origin));
    return new SettingSource(file, keys, named);
  }

  /** What to change to fix the values of {@code variables}, for the end of a message: {@code set POSTGRES_HOST ...}. */
  public String fix(String... variables) {
    Set<String> where = new LinkedHashSet<>();
    for (String variable : variables) {
      where.add(labels.containsKey(variable) ? labels.get(variable).origin() : key(variable));
    }
    String named = String.join(" and ", where);
    return file == null ? "set " + named + " (environment or .env)" : "fix " + named + " in " + file;
  }
}
