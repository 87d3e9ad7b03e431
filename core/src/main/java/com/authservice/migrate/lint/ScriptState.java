package com.authservice.migrate.lint;

import java.util.HashSet;
import java.util.Set;

/**
 * What one script has done so far. A table it created is new, not "existing": nothing else uses it yet,
 * so locking or rewriting it harms no one.
 */
final class ScriptState {

  private final boolean wrapped;
  private boolean inOwnBlock;
  private final Set<String> tablesCreated = new HashSet<>();
  private final Set<String> indexesCreated = new HashSet<>();
  private final Set<String> constraintsAddedNotValid = new HashSet<>();

  /** @param wrapped the console wraps the script in a transaction (no {@code -- migrate:no-transaction}) */
  ScriptState(boolean wrapped) {
    this.wrapped = wrapped;
  }

  /** The statement runs inside a transaction block: the console's, or the no-transaction script's own BEGIN. */
  boolean transactional() {
    return wrapped || inOwnBlock;
  }

  /** The console runs the script in its transaction. */
  boolean wrapped() {
    return wrapped;
  }

  /**
   * A no-transaction script's own {@code BEGIN} opens a block its later statements share; {@code COMMIT} (or
   * {@code END}, {@code ROLLBACK}, {@code ABORT}) closes it, and with it the locks it held.
   */
  void transactionControl(String keyword) {
    if (wrapped) {
      return;
    }
    if (keyword.equals("BEGIN") || keyword.equals("START")) {
      inOwnBlock = true;
    } else {
      inOwnBlock = false;
      constraintsAddedNotValid.clear();
    }
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

  /** Only a transaction still open at its VALIDATE keeps the lock that ADD took; an autocommitted ADD does not. */
  void constraintAddedNotValid(String table, String constraint) {
    if (transactional()) {
      constraintsAddedNotValid.add(table + "." + constraint);
    }
  }
}
