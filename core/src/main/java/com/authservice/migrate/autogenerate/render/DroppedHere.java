package com.authservice.migrate.autogenerate.render;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tables and columns one set of changes drops. An index, key or constraint on them goes with them in the
 * first script's transaction, and comes back with them in its undo, rather than on its own outside it: the
 * second script runs after the first drops them, and its undo before the first's undo restores them.
 */
final class DroppedHere {

  private final Set<String> tables;
  private final Set<String> columns;

  DroppedHere(List<SchemaChange> changes) {
    this.tables = changes.stream().filter(SchemaChange.DropTable.class::isInstance)
        .map(change -> ((SchemaChange.DropTable) change).table().name()).collect(Collectors.toSet());
    this.columns = changes.stream().filter(SchemaChange.DropColumn.class::isInstance)
        .map(change -> (SchemaChange.DropColumn) change)
        .map(drop -> drop.table() + "." + drop.column().name()).collect(Collectors.toSet());
  }

  /** {@code table pets} or {@code column pets.name} when {@code drop} goes with one dropped here; else empty. */
  Optional<String> reason(SchemaChange drop) {
    if (drop instanceof SchemaChange.DropIndex index) {
      return reason(index.table(), index.index().columns(), List.of());
    }
    if (drop instanceof SchemaChange.DropPrimaryKey key) {
      return reason(key.table(), key.key().columns(), List.of());
    }
    if (drop instanceof SchemaChange.DropUnique unique) {
      return reason(unique.table(), unique.unique().columns(), List.of());
    }
    if (drop instanceof SchemaChange.DropForeignKey key) {
      return reason(key.table(), key.key().columns(), List.of(key.key().referencedTable()));
    }
    return Optional.empty();
  }

  private Optional<String> reason(String table, List<String> onColumns, List<String> referenced) {
    if (tables.contains(table)) {
      return Optional.of("table " + table);
    }
    Optional<String> column = onColumns.stream().map(name -> table + "." + name).filter(columns::contains)
        .findFirst();
    if (column.isPresent()) {
      return Optional.of("column " + column.get());
    }
    return referenced.stream().filter(tables::contains).findFirst().map(name -> "table " + name);
  }
}
