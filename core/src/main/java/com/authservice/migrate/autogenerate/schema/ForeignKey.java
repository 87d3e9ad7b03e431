package com.authservice.migrate.autogenerate.schema;

import java.util.List;

/** {@code onDelete} and {@code onUpdate} in SQL words: NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT. */
public record ForeignKey(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
    String onDelete, String onUpdate) {

  public ForeignKey {
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
  }

  /** Foreign keys are matched by what they connect, not by name (Alembic does the same). */
  public boolean connectsLike(ForeignKey other) {
    return columns.equals(other.columns) && referencedTable.equals(other.referencedTable)
        && referencedColumns.equals(other.referencedColumns);
  }
}
