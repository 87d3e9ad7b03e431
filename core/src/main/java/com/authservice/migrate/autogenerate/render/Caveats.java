package com.authservice.migrate.autogenerate.render;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import com.authservice.migrate.lint.TypeChange;
import java.util.Optional;

/**
 * The comments written above a statement that lint flags by its nature and that has no safe form: dropping
 * data, or rewriting a table to change a column's type. Each gets a {@code -- migrate:allow <rule-id>} for that
 * statement alone, so {@code lint --strict} passes, and a line that says what the user must check, so the
 * acceptance is never silent.
 */
final class Caveats {

  private Caveats() {
  }

  static String dropTable(String table) {
    return "-- Review: this deletes table " + table + " and its rows for good; first deploy code that no longer "
        + "uses it.\n-- migrate:allow ban-drop-table\n";
  }

  static String dropColumn(String table, String column) {
    return "-- Review: this deletes column " + table + "." + column + " and its data for good; first deploy code "
        + "that no longer reads it.\n-- migrate:allow ban-drop-column\n";
  }

  /**
   * The undo's NOT NULL on a column it adds back: its ADD COLUMN holds the table's lock until the end of the undo
   * and the backfill rewrote every row under it, so the online check would gain nothing here.
   */
  static String restoredRequired() {
    return "-- migrate:allow setting-not-null (the column is added back and backfilled in this same transaction)\n";
  }

  /**
   * A widening PostgreSQL does in place needs no review, only the reason lint may not see (it knows the old type
   * only from a catalog); any other change rewrites the table and may fail on values that do not fit.
   */
  static String typeChange(SchemaChange.AlterType alter) {
    String change = alter.table() + "." + alter.column() + " from " + alter.from() + " to " + alter.to();
    if (TypeChange.withoutRewrite(alter.from(), alter.to())) {
      return "-- migrate:allow changing-column-type (" + change + " is made in place, without rewriting the table)\n";
    }
    return "-- Review: changing " + change + " rewrites the table under a lock that blocks reads and writes, and\n"
        + "-- fails on a value that does not fit; on a large table add a new column and backfill it instead.\n"
        + "-- migrate:allow changing-column-type\n";
  }

  /**
   * An index, key or constraint that goes with a table or column dropped in the same transaction, or comes back
   * with it in the undo: that statement's ACCESS EXCLUSIVE lock is already held, so the online form gains nothing
   * (and could not run outside the transaction that drops or restores what it needs).
   */
  static Optional<String> withDroppedColumnOrTable(SchemaChange change, String what) {
    return rule(change).map(rule -> "-- migrate:allow " + rule + " (" + what + " in this same transaction)\n");
  }

  private static Optional<String> rule(SchemaChange change) {
    if (change instanceof SchemaChange.DropIndex) {
      return Optional.of("require-concurrent-index-deletion");
    }
    if (change instanceof SchemaChange.CreateIndex) {
      return Optional.of("require-concurrent-index-creation");
    }
    if (change instanceof SchemaChange.AddPrimaryKey) {
      return Optional.of("adding-serial-primary-key-field");
    }
    if (change instanceof SchemaChange.AddUnique) {
      return Optional.of("disallowed-unique-constraint");
    }
    if (change instanceof SchemaChange.AddForeignKey) {
      return Optional.of("constraint-missing-not-valid");
    }
    return Optional.empty();
  }
}
