package com.authservice.migrate.fleet;

import com.authservice.migrate.definition.DefinitionFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fleets a repository defines, {@code fleets/<name>.properties}, by name. As with environments, a file with
 * a problem sets only that fleet aside, with the reason; a fleet is protected when its file says so, else when
 * its name is in {@code MIGRATE_PROTECTED_ENVS}.
 */
public final class Fleets {

  private final Map<String, Fleet> byName;
  private final Map<String, String> unusable;
  private final List<String> warnings;

  private Fleets(Map<String, Fleet> byName, Map<String, String> unusable, List<String> warnings) {
    this.byName = byName;
    this.unusable = unusable;
    this.warnings = warnings;
  }

  /** {@code repository} may be null (packaged scripts): then there are none. */
  public static Fleets load(Path repository, Map<String, String> env, Path workingDir) {
    Set<String> protectedNames = DefinitionFolder.protectedNames(env);
    Map<String, String> variables = DefinitionFolder.variables(env, workingDir);
    Map<String, String> unusable = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    Map<String, Fleet> byName = DefinitionFolder.read(repository == null ? null : repository.resolve("fleets"),
        file -> FleetFile.read(file, variables, protectedNames.contains(file.name()), warnings), unusable);
    return new Fleets(byName, unusable, List.copyOf(warnings));
  }

  public List<Fleet> all() {
    return List.copyOf(byName.values());
  }

  /** Fleet files that give no fleet yet: name to reason. */
  public Map<String, String> unusable() {
    return Collections.unmodifiableMap(unusable);
  }

  /** One line each about files that work but deserve attention (a committed password); never a secret. */
  public List<String> warnings() {
    return warnings;
  }

  public Fleet named(String name) {
    return DefinitionFolder.named(name, byName, unusable, () -> "Unknown fleet \"" + (name == null ? "" : name.strip())
        + "\"; " + (byName.isEmpty() ? "none is defined" : "known: " + String.join(", ", byName.keySet()))
        + " (add fleets/<name>.properties)");
  }
}
