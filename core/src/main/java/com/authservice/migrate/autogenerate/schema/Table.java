package com.authservice.migrate.autogenerate.schema;

import java.util.List;
import java.util.Optional;

/** A table with everything autogenerate compares; columns in their declared order. */
public record Table(String name, List<Column> columns, Optional<PrimaryKey> primaryKey,
    List<UniqueConstraint> uniqueConstraints, List<Index> indexes, List<ForeignKey> foreignKeys,
    Optional<String> comment) {

  public Table {
    columns = List.copyOf(columns);
    uniqueConstraints = List.copyOf(uniqueConstraints);
    indexes = List.copyOf(indexes);
    foreignKeys = List.copyOf(foreignKeys);
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }
}
