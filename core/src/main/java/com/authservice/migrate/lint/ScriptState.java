package com.authservice.migrate.lint;

import java.util.HashSet;
import java.util.Set;

/**
 * What one script has done so far. A table it created is new, not "existing": nothing else uses it yet,
 * so locking or rewriting it harms no one.
 */
final class ScriptState {

  private final boolean transactional;
  private final Set<String> tablesCreated = new HashSet<>();
  private final Set<String> indexesCreated = new HashSet<>();
  private final Set<String> constraintsAddedNotValid = new HashSet<>();

  /** @param transactional the console wraps the script in a transaction (no {@code -- migrate:no-transaction}) */
  ScriptState(boolean transactional) {
    this.transactional = transactional;
  }

  boolean transactional() {
    return transactional;
  }

  /** A table that exists in the database or was created by an earlier migration, not by this script. */
  boolean isExisting(String table) {
    return !tablesCreated.contains(table);
  }

  void tableCreated(String table) {
    tablesCreated.add(table);
  }

  void tableDropped(String table) {
    tablesCreated.remove(table);
  }

  boolean createdIndex(String index) {
    return indexesCreated.contains(index);
  }

  void indexCreated(String index) {
    indexesCreated.add(index);
  }

  boolean addedNotValid(String table, String constraint) {
    return constraintsAddedNotValid.contains(table + "." + constraint);
  }

  void constraintAddedNotValid(String table, String constraint) {
    constraintsAddedNotValid.add(table + "." + constraint);
  }
}
