package com.authservice.migrate.autogenerate.render;

import static com.authservice.migrate.autogenerate.render.Identifiers.quote;

import java.util.List;
import java.util.Optional;

/**
 * A column that becomes NOT NULL on a table that may have rows, written the way lint asks for: backfill, a NOT
 * NULL check added NOT VALID, validated (a lock that lets reads and writes go on), then SET NOT NULL, which on
 * PostgreSQL 12+ trusts the validated check instead of scanning the table, then the check dropped.
 */
record RequiredColumn(String table, String column, Optional<String> defaultValue) {

  /** The constraint's name, cut to PostgreSQL's 63 bytes (names here are plain ASCII identifiers). */
  String checkName() {
    String name = table + "_" + column + "_not_null";
    return name.length() <= 63 ? name : name.substring(0, 63);
  }

  /**
   * The backfill the user must complete. The placeholder is deliberately not SQL: left as it is, the server
   * refuses the script with a syntax error and its transaction rolls back, so nothing is half applied.
   */
  static String backfill(RequiredColumn required) {
    return "-- Backfill: existing rows need a value for " + required.column() + " before it can be NOT NULL.\n"
        + "-- Replace <value for existing rows> with that value; left as is, this statement is a syntax error\n"
        + "-- and the migration stops before changing anything.\n"
        + "UPDATE " + quote(required.table()) + " SET " + quote(required.column())
        + " = <value for existing rows> WHERE " + quote(required.column()) + " IS NULL;\n";
  }

  List<String> setNotNull() {
    String alter = "ALTER TABLE " + quote(table) + " ";
    return List.of(
        alter + "ADD CONSTRAINT " + quote(checkName()) + " CHECK (" + quote(column) + " IS NOT NULL) NOT VALID",
        alter + "VALIDATE CONSTRAINT " + quote(checkName()),
        alter + "ALTER COLUMN " + quote(column) + " SET NOT NULL",
        alter + "DROP CONSTRAINT " + quote(checkName()));
  }

  /** SET NOT NULL as it is, scanning the table: for a column added back in the same transaction. */
  String setNotNullInPlace() {
    return "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column) + " SET NOT NULL";
  }

  String dropNotNull() {
    return "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column) + " DROP NOT NULL";
  }
}
