package com.authservice.migrate.errors;

import java.util.List;

/** An id prefix that matches more than one migration. */
public final class AmbiguousMigration extends MigrationException {
  private final List<String> candidates;

  public AmbiguousMigration(String prefix, List<String> candidates) {
    super("Migration id prefix " + UserInput.quote(prefix) + " matches " + candidates.size() + " migrations: "
        + String.join(", ", candidates) + ". Type more digits.");
    this.candidates = List.copyOf(candidates);
  }

  public List<String> candidates() {
    return candidates;
  }
}
