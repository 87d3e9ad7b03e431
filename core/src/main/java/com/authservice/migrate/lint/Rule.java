package com.authservice.migrate.lint;

import java.util.Arrays;
import java.util.Optional;

/**
 * What lint looks for: statements that take a lock the service's queries queue behind, or that rewrite or
 * scan a table under that lock. Ids follow squawk's where it has one, so users can look them up there too.
 */
public enum Rule {

  ADDING_REQUIRED_FIELD("adding-required-field",
      "fails on a table with rows, and on an empty one the column is required before the service writes it",
      "add the column nullable (or with a non-volatile DEFAULT), backfill, then make it NOT NULL"),
  ADDING_FIELD_WITH_VOLATILE_DEFAULT("adding-field-with-volatile-default",
      "rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock: the default is computed per row",
      "add the column without the default, set the default, backfill existing rows in batches"),
  CHANGING_COLUMN_TYPE("changing-column-type",
      "rewrites the table and rebuilds its indexes under an ACCESS EXCLUSIVE lock",
      "add a new column, backfill it, switch readers, drop the old one (widening a varchar, or varchar to text, "
          + "needs no rewrite)"),
  SETTING_NOT_NULL("setting-not-null",
      "scans the whole table under an ACCESS EXCLUSIVE lock to check for NULLs",
      "ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID; VALIDATE CONSTRAINT c in the next migration; "
          + "then SET NOT NULL (it uses the check and skips the scan)"),
  REQUIRE_CONCURRENT_INDEX_CREATION("require-concurrent-index-creation",
      "takes a SHARE lock: every INSERT, UPDATE and DELETE on the table waits until the index is built",
      "CREATE INDEX CONCURRENTLY in a script marked -- migrate:no-transaction"),
  REQUIRE_CONCURRENT_INDEX_DELETION("require-concurrent-index-deletion",
      "takes an ACCESS EXCLUSIVE lock on the index's table: reads and writes wait",
      "DROP INDEX CONCURRENTLY in a script marked -- migrate:no-transaction"),
  BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION("ban-concurrent-index-creation-in-transaction",
      "refuses to run CONCURRENTLY inside a transaction block (ERROR 25001), so the migration fails",
      "put the statement in its own script marked -- migrate:no-transaction"),
  CONSTRAINT_MISSING_NOT_VALID("constraint-missing-not-valid",
      "scans the whole table to check existing rows while holding a lock that blocks writes",
      "ADD CONSTRAINT ... NOT VALID (checks new rows only), then VALIDATE CONSTRAINT in a later migration "
          + "(a lock that lets reads and writes go on)"),
  DISALLOWED_UNIQUE_CONSTRAINT("disallowed-unique-constraint",
      "builds the unique index under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole build",
      "CREATE UNIQUE INDEX CONCURRENTLY (no-transaction script), then ADD CONSTRAINT c UNIQUE USING INDEX idx"),
  ADDING_SERIAL_PRIMARY_KEY_FIELD("adding-serial-primary-key-field",
      "builds the primary key index (and fills a serial or identity column) under an ACCESS EXCLUSIVE lock",
      "add the column, CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT pk PRIMARY KEY USING INDEX idx"),
  RENAMING_COLUMN("renaming-column",
      "is quick, but old versions of the service still running query the old name and fail",
      "add the new column, write both, switch readers, drop the old one in a later release"),
  RENAMING_TABLE("renaming-table",
      "is quick, but old versions of the service still running query the old name and fail",
      "create the new table (or a view under the old name), switch the service, drop the old name later"),
  BAN_DROP_COLUMN("ban-drop-column",
      "deletes the column's data for good, and old versions of the service still reading it fail",
      "stop using the column in a release first, then drop it, accepting it with -- migrate:allow ban-drop-column"),
  BAN_DROP_TABLE("ban-drop-table",
      "deletes the table's data for good, and old versions of the service still reading it fail",
      "stop using the table in a release first, then drop it, accepting it with -- migrate:allow ban-drop-table"),
  TRANSACTION_NESTING("transaction-nesting",
      "BEGIN only warns inside the console's transaction, COMMIT ends it early: the rest runs outside it and "
          + "is not rolled back with the migration",
      "remove BEGIN/COMMIT (the console wraps each migration in a transaction), or mark the script "
          + "-- migrate:no-transaction");

  private final String id;
  private final String effect;
  private final String safeWay;

  Rule(String id, String effect, String safeWay) {
    this.id = id;
    this.effect = effect;
    this.safeWay = safeWay;
  }

  /** The id used in output and in {@code -- migrate:allow <id>}. */
  public String id() {
    return id;
  }

  /** One line on what PostgreSQL will do. */
  public String effect() {
    return effect;
  }

  /** One line on how to write it safely. */
  public String safeWay() {
    return safeWay;
  }

  public static Optional<Rule> byId(String id) {
    return Arrays.stream(values()).filter(rule -> rule.id.equalsIgnoreCase(id)).findFirst();
  }
}
