package com.authservice.migrate.environment;

import com.authservice.migrate.definition.DefinitionFolder;
import com.authservice.migrate.definition.Definitions;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.settings.PostgresVariables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the environments a repository knows: {@code default} (POSTGRES_* and .env, when any is set) and every
 * {@code environments/<name>.properties}. Which names are protected comes from each file's
 * {@code protected} key, else from {@code MIGRATE_PROTECTED_ENVS} (default: production).
 * They are listed in promotion order: {@code default}, the others by name, protected ones last, so
 * that {@code up --all} stops on a failure in staging before it reaches production. What is wrong with one
 * of them (a partial POSTGRES_* set, a bad file) sets only that one aside, with the reason.
 */
public final class Environments {

  private Environments() {
  }

  /** {@code repository} may be null (packaged scripts): then only {@code default} exists. */
  public static Definitions<Environment> load(Path repository, Map<String, String> env, Path workingDir) {
    Set<String> protectedNames = DefinitionFolder.protectedNames(env);
    Map<String, Environment> byName = new LinkedHashMap<>();
    Map<String, String> unusable = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    PostgresVariables postgres = PostgresVariables.read(env, workingDir);
    if (!postgres.isNone()) {
      try {
        byName.put(Environment.DEFAULT, new Environment(Environment.DEFAULT, postgres.settings(),
            protectedNames.contains(Environment.DEFAULT)));
      } catch (InvalidArgument e) {
        unusable.put(Environment.DEFAULT, e.getMessage());
      }
    }
    // Files name variables as MyBatis' do; .env fills them too, as it does for the default environment.
    Map<String, String> variables = DefinitionFolder.variables(env, workingDir);
    EnvironmentFile.Rules rules = new EnvironmentFile.Rules(new ScriptVariables(repository), null);
    // A file named default.properties is left out: default is POSTGRES_* and .env.
    List<Environment> fromFiles = new ArrayList<>(DefinitionFolder.read(
        repository == null ? null : repository.resolve("environments"), file -> file.name().equals(Environment.DEFAULT)
            ? null : EnvironmentFile.read(file, variables, protectedNames.contains(file.name()), warnings,
            rules),
        unusable).values());
    fromFiles.sort(Comparator.comparing(Environment::isProtected));
    fromFiles.forEach(environment -> byName.put(environment.name(), environment));
    return new Definitions<>("environment", "environments", byName, unusable, warnings);
  }

  /** The same environments with {@code default} being {@code replacement} (the console's embedded database). */
  public static Definitions<Environment> withDefault(Definitions<Environment> environments, Environment replacement) {
    return environments.withFirst(Environment.DEFAULT, replacement);
  }
}
