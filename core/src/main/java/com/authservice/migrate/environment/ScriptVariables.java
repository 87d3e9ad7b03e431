package com.authservice.migrate.environment;

import com.authservice.migrate.definition.DefinitionFolder;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Supplier;

/** The {@code ${name}} variables a repository's scripts use, read from the scripts once, when first asked. */
final class ScriptVariables implements Supplier<Set<String>> {

  private final Path repository;
  private Set<String> used;

  ScriptVariables(Path repository) {
    this.repository = repository;
  }

  @Override
  public synchronized Set<String> get() {
    if (used == null) {
      used = Set.copyOf(DefinitionFolder.scriptVariables(repository));
    }
    return used;
  }
}
