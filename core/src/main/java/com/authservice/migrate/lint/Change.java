package com.authservice.migrate.lint;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one parsed statement does, in the terms the rules need. Table names are qualified with their schema
 * ({@code public.users}); identifiers are folded as PostgreSQL folds them (unquoted to lower case).
 */
sealed interface Change {

  /** @param columns each column's type, so later type changes can be judged */
  record CreateTable(String table, Map<String, ColumnType> columns) implements Change {
  }

  /**
   * @param defaultCalls the functions the default expression calls (a serial type counts as {@code nextval})
   * @param generated an identity column: the server fills every row, as for a volatile default
   */
  record AddColumn(String table, String column, ColumnType type, boolean notNull, boolean hasDefault,
      List<String> defaultCalls, boolean generated, boolean primaryKey, boolean unique) implements Change {
  }

  record AlterColumnType(String table, String column, ColumnType type, boolean using) implements Change {
  }

  record SetNotNull(String table, String column) implements Change {
  }

  enum ConstraintKind { CHECK, FOREIGN_KEY, UNIQUE, PRIMARY_KEY, EXCLUDE }

  /** @param notNullColumn the column of a {@code CHECK (column IS NOT NULL)}, the safe path to NOT NULL */
  record AddConstraint(String table, Optional<String> name, ConstraintKind kind, boolean notValid,
      boolean usingIndex, Optional<String> notNullColumn) implements Change {
  }

  record ValidateConstraint(String table, String name) implements Change {
  }

  /** @param index empty for an unnamed index */
  record CreateIndex(String table, Optional<String> index, boolean concurrently) implements Change {
  }

  record DropIndex(List<String> indexes, boolean concurrently) implements Change {
  }

  record RenameColumn(String table, String from, String to) implements Change {
  }

  record RenameTable(String table, String to) implements Change {
  }

  record DropColumn(String table, String column) implements Change {
  }

  record DropTable(List<String> tables) implements Change {
  }

  /** {@code SET [LOCAL | SESSION] name ...}. */
  record SetParameter(String name) implements Change {
  }

  /** BEGIN, START TRANSACTION, COMMIT, END, ROLLBACK, ABORT. */
  record TransactionControl(String keyword) implements Change {
  }
}
