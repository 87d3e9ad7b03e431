package com.authservice.migrate.definition;

import com.authservice.migrate.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The definitions of one kind a repository holds (environments, fleets): the usable ones by name, in the order
 * they run, and those set aside with the reason, so that a bad file stops only itself and says why when chosen.
 *
 * @param <T> what one definition gives
 */
public final class Definitions<T> {

  private final String kind;
  private final String folder;
  private final Map<String, T> byName;
  private final Map<String, String> unusable;
  private final List<String> warnings;

  /**
   * @param kind     the word for one, in messages ({@code environment})
   * @param folder   the repository folder that defines them ({@code environments}), named in messages
   * @param byName   the usable ones, name to definition, in the order {@link #all()} gives them
   * @param unusable those set aside: name to reason
   * @param warnings one line each about files that work but deserve attention; never a secret
   */
  public Definitions(String kind, String folder, Map<String, T> byName, Map<String, String> unusable,
      List<String> warnings) {
    this.kind = kind;
    this.folder = folder;
    this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    this.unusable = Collections.unmodifiableMap(new LinkedHashMap<>(unusable));
    this.warnings = List.copyOf(warnings);
  }

  public List<T> all() {
    return List.copyOf(byName.values());
  }

  public List<String> names() {
    return List.copyOf(byName.keySet());
  }

  /** Those that give nothing usable yet: name to reason, in file order. */
  public Map<String, String> unusable() {
    return unusable;
  }

  public List<String> warnings() {
    return warnings;
  }

  /** The one called {@code name}; one set aside fails with its reason, an unknown name with what is known. */
  public T named(String name) {
    String key = name == null ? "" : name.strip();
    T found = byName.get(key);
    if (found == null && unusable.containsKey(key)) {
      throw new InvalidArgument(unusable.get(key));
    }
    if (found == null) {
      throw new InvalidArgument("Unknown " + kind + " \"" + key + "\"; "
          + (byName.isEmpty() ? "none is defined" : "known: " + String.join(", ", byName.keySet()))
          + " (add " + folder + "/<name>.properties)");
    }
    return found;
  }

  /** {@code a,b,c} in the order given, each checked. */
  public List<T> named(List<String> names) {
    List<T> chosen = new ArrayList<>();
    for (String name : names) {
      chosen.add(named(name));
    }
    return chosen;
  }

  /** The same with {@code name} being {@code definition}, listed first and no longer set aside. */
  public Definitions<T> withFirst(String name, T definition) {
    Map<String, T> replaced = new LinkedHashMap<>();
    replaced.put(name, definition);
    byName.forEach(replaced::putIfAbsent);
    Map<String, String> stillUnusable = new LinkedHashMap<>(unusable);
    stillUnusable.remove(name);
    return new Definitions<>(kind, folder, replaced, stillUnusable, warnings);
  }
}
