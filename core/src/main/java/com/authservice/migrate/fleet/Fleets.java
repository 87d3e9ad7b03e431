package com.authservice.migrate.fleet;

import com.authservice.migrate.definition.DefinitionFolder;
import com.authservice.migrate.definition.Definitions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the fleets a repository defines, {@code fleets/<name>.properties}, by name. As with environments, a file
 * with a problem sets only that fleet aside, with the reason; a fleet is protected when its file says so, else
 * when its name is in {@code MIGRATE_PROTECTED_ENVS}.
 */
public final class Fleets {

  private Fleets() {
  }

  /** {@code repository} may be null (packaged scripts): then there are none. */
  public static Definitions<Fleet> load(Path repository, Map<String, String> env, Path workingDir) {
    Set<String> protectedNames = DefinitionFolder.protectedNames(env);
    Map<String, String> variables = DefinitionFolder.variables(env, workingDir);
    Map<String, String> unusable = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    Map<String, Fleet> byName = DefinitionFolder.read(repository == null ? null : repository.resolve("fleets"),
        file -> FleetFile.read(file, variables, protectedNames.contains(file.name()), warnings), unusable);
    return new Definitions<>("fleet", "fleets", byName, unusable, warnings);
  }
}
