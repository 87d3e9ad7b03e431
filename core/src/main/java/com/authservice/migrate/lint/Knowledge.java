package com.authservice.migrate.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What lint knows about the schema as it reads scripts in order: the catalog of the target database, updated
 * by what each script before does (tables made, column types changed, not-null checks validated).
 */
final class Knowledge {

  private final Catalog catalog;
  private final Map<String, ColumnType> columnTypes = new HashMap<>();
  private final Set<String> notNullChecked = new HashSet<>();
  private final Map<String, String> unvalidatedChecks = new HashMap<>();

  Knowledge(Catalog catalog) {
    this.catalog = catalog;
  }

  Optional<ColumnType> columnType(String table, String column) {
    ColumnType learnt = columnTypes.get(table + "." + column);
    return learnt != null ? Optional.of(learnt) : catalog.columnType(table, column);
  }

  void columnTypeIs(String table, String column, ColumnType type) {
    columnTypes.put(table + "." + column, type);
  }

  boolean hasValidatedNotNullCheck(String table, String column) {
    return notNullChecked.contains(table + "." + column) || catalog.hasValidatedNotNullCheck(table, column);
  }

  void notNullCheckAdded(String table, String constraint, String column, boolean validated) {
    if (validated) {
      notNullChecked.add(table + "." + column);
    } else {
      unvalidatedChecks.put(table + "." + constraint, column);
    }
  }

  void constraintValidated(String table, String constraint) {
    Optional.ofNullable(unvalidatedChecks.get(table + "." + constraint))
        .or(() -> catalog.unvalidatedNotNullCheck(table, constraint))
        .ifPresent(column -> notNullChecked.add(table + "." + column));
  }

  boolean isVolatile(String function) {
    return catalog.isVolatile(function);
  }
}
