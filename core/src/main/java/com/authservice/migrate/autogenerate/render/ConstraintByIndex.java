package com.authservice.migrate.autogenerate.render;

import static com.authservice.migrate.autogenerate.render.Identifiers.quote;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import java.util.List;
import java.util.Optional;

/**
 * A primary key or unique constraint added to a table in use without holding its lock for the index build: the
 * index is built {@code CONCURRENTLY} under the constraint's own name, then attached ({@code USING INDEX}, a
 * quick catalog change). The columns of a primary key must already be NOT NULL, or attaching scans the table.
 */
record ConstraintByIndex(String table, String name, List<String> columns, boolean primaryKey) {

  /** The constraint an {@code AddPrimaryKey} or {@code AddUnique} adds; empty for other changes. */
  static Optional<ConstraintByIndex> of(SchemaChange change) {
    if (change instanceof SchemaChange.AddPrimaryKey add) {
      return Optional.of(new ConstraintByIndex(add.table(), add.key().name(), add.key().columns(), true));
    }
    if (change instanceof SchemaChange.AddUnique add) {
      return Optional.of(new ConstraintByIndex(add.table(), add.unique().name(), add.unique().columns(), false));
    }
    return Optional.empty();
  }

  String buildIndex() {
    return "CREATE UNIQUE INDEX CONCURRENTLY " + quote(name) + " ON " + quote(table) + " ("
        + String.join(", ", columns.stream().map(Identifiers::quote).toList()) + ")";
  }

  String attach() {
    return "ALTER TABLE " + quote(table) + " ADD CONSTRAINT " + quote(name)
        + (primaryKey ? " PRIMARY KEY" : " UNIQUE") + " USING INDEX " + quote(name);
  }

  /** Dropping the constraint drops its index too. */
  String drop() {
    return "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(name);
  }
}
