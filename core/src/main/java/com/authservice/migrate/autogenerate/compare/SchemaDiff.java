package com.authservice.migrate.autogenerate.compare;

import com.authservice.migrate.autogenerate.schema.Column;
import com.authservice.migrate.autogenerate.schema.ForeignKey;
import com.authservice.migrate.autogenerate.schema.Index;
import com.authservice.migrate.autogenerate.schema.Schema;
import com.authservice.migrate.autogenerate.schema.Table;
import com.authservice.migrate.autogenerate.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Compares the database (current) with the models (target) and lists the changes that turn one into
 * the other, in a safe order. Renames cannot be told from drop + add; {@link #renameWarnings} names
 * the pairs that might be one.
 */
public final class SchemaDiff {

  /** Whether two server defaults mean the same; PostgreSQL rewrites them, so only it can say. */
  @FunctionalInterface
  public interface DefaultsEqual {
    boolean test(String type, String modelDefault, String databaseDefault);
  }

  private final DefaultsEqual defaultsEqual;

  public SchemaDiff(DefaultsEqual defaultsEqual) {
    this.defaultsEqual = defaultsEqual;
  }

  public List<SchemaChange> compare(Schema database, Schema models) {
    List<SchemaChange> changes = new ArrayList<>();
    for (Table wanted : models.tables().values()) {
      Optional<Table> existing = database.table(wanted.name());
      if (existing.isEmpty()) {
        changes.add(new SchemaChange.CreateTable(wanted));
        wanted.indexes().forEach(index -> changes.add(new SchemaChange.CreateIndex(wanted.name(), index)));
        wanted.foreignKeys().forEach(key -> changes.add(new SchemaChange.AddForeignKey(wanted.name(), key)));
      } else {
        compareTables(existing.get(), wanted, changes);
      }
    }
    for (Table old : database.tables().values()) {
      if (models.table(old.name()).isEmpty()) {
        old.foreignKeys().forEach(key -> changes.add(new SchemaChange.DropForeignKey(old.name(), key)));
        old.indexes().forEach(index -> changes.add(new SchemaChange.DropIndex(old.name(), index)));
        changes.add(new SchemaChange.DropTable(old));
      }
    }
    changes.sort(Comparator.comparingInt(SchemaChange::phase));
    return changes;
  }

  /** The undo of {@code changes}: each reversed, last first. */
  public static List<SchemaChange> undo(List<SchemaChange> changes) {
    List<SchemaChange> undo = new ArrayList<>();
    for (int i = changes.size() - 1; i >= 0; i--) {
      undo.add(changes.get(i).reverse());
    }
    return undo;
  }

  /** Drop + add pairs in one diff that may be renames: the script would lose their data. */
  public static List<String> renameWarnings(List<SchemaChange> changes) {
    List<String> warnings = new ArrayList<>();
    List<String> droppedTables = changes.stream().filter(c -> c instanceof SchemaChange.DropTable)
        .map(c -> ((SchemaChange.DropTable) c).table().name()).toList();
    List<String> createdTables = changes.stream().filter(c -> c instanceof SchemaChange.CreateTable)
        .map(c -> ((SchemaChange.CreateTable) c).table().name()).toList();
    if (!droppedTables.isEmpty() && !createdTables.isEmpty()) {
      warnings.add("tables " + droppedTables + " are dropped and " + createdTables + " created: if this is a rename, "
          + "replace the pair with ALTER TABLE ... RENAME TO ..., or the data is lost");
    }
    for (SchemaChange change : changes) {
      if (change instanceof SchemaChange.DropColumn dropped) {
        changes.stream().filter(c -> c instanceof SchemaChange.AddColumn added && added.table().equals(dropped.table()))
            .forEach(c -> warnings.add("column " + dropped.table() + "." + dropped.column().name() + " is dropped and "
                + ((SchemaChange.AddColumn) c).column().name() + " added: if this is a rename, use "
                + "ALTER TABLE ... RENAME COLUMN, or the data is lost"));
      }
    }
    return warnings;
  }

  private void compareTables(Table current, Table wanted, List<SchemaChange> changes) {
    String table = wanted.name();
    for (Column column : wanted.columns()) {
      Optional<Column> existing = current.column(column.name());
      if (existing.isEmpty()) {
        changes.add(new SchemaChange.AddColumn(table, column));
      } else {
        compareColumns(table, existing.get(), column, changes);
      }
    }
    for (Column column : current.columns()) {
      if (wanted.column(column.name()).isEmpty()) {
        changes.add(new SchemaChange.DropColumn(table, column));
      }
    }
    if (!current.primaryKey().map(k -> k.columns()).equals(wanted.primaryKey().map(k -> k.columns()))) {
      current.primaryKey().ifPresent(key -> changes.add(new SchemaChange.DropPrimaryKey(table, key)));
      wanted.primaryKey().ifPresent(key -> changes.add(new SchemaChange.AddPrimaryKey(table, key)));
    }
    unmatched(wanted.uniqueConstraints(), current.uniqueConstraints(), SchemaDiff::sameUnique,
        unique -> new SchemaChange.AddUnique(table, unique), changes);
    unmatched(current.uniqueConstraints(), wanted.uniqueConstraints(), SchemaDiff::sameUnique,
        unique -> new SchemaChange.DropUnique(table, unique), changes);
    unmatched(wanted.indexes(), current.indexes(), SchemaDiff::sameIndex,
        index -> new SchemaChange.CreateIndex(table, index), changes);
    unmatched(current.indexes(), wanted.indexes(), SchemaDiff::sameIndex,
        index -> new SchemaChange.DropIndex(table, index), changes);
    unmatched(wanted.foreignKeys(), current.foreignKeys(), SchemaDiff::sameForeignKey,
        key -> new SchemaChange.AddForeignKey(table, key), changes);
    unmatched(current.foreignKeys(), wanted.foreignKeys(), SchemaDiff::sameForeignKey,
        key -> new SchemaChange.DropForeignKey(table, key), changes);
    if (!current.comment().equals(wanted.comment())) {
      changes.add(new SchemaChange.SetTableComment(table, current.comment(), wanted.comment()));
    }
  }

  private void compareColumns(String table, Column current, Column wanted, List<SchemaChange> changes) {
    String name = wanted.name();
    if (!current.type().equals(wanted.type())) {
      changes.add(new SchemaChange.AlterType(table, name, current.type(), wanted.type()));
    }
    if (current.nullable() != wanted.nullable()) {
      changes.add(new SchemaChange.AlterNullable(table, name, wanted.nullable()));
    }
    if (current.identity() != wanted.identity()) {
      changes.add(new SchemaChange.AlterIdentity(table, current, wanted));
    }
    if (!current.identity() && !wanted.identity() && !sameDefault(wanted.type(), wanted.defaultValue(),
        current.defaultValue())) {
      changes.add(new SchemaChange.AlterDefault(table, name, current.defaultValue(), wanted.defaultValue()));
    }
    if (!current.comment().equals(wanted.comment())) {
      changes.add(new SchemaChange.SetColumnComment(table, name, current.comment(), wanted.comment()));
    }
  }

  private boolean sameDefault(String type, Optional<String> model, Optional<String> database) {
    if (model.isEmpty() || database.isEmpty()) {
      return model.isEmpty() && database.isEmpty();
    }
    return Objects.equals(model.get(), database.get()) || defaultsEqual.test(type, model.get(), database.get());
  }

  /** One change for each of {@code items} that nothing in {@code others} matches, in their order. */
  private static <T> void unmatched(List<T> items, List<T> others, BiPredicate<T, T> same,
      Function<T, SchemaChange> change, List<SchemaChange> changes) {
    for (T item : items) {
      if (others.stream().noneMatch(other -> same.test(other, item))) {
        changes.add(change.apply(item));
      }
    }
  }

  /** Unique constraints are matched by their columns: the database may have named one differently. */
  private static boolean sameUnique(UniqueConstraint a, UniqueConstraint b) {
    return a.columns().equals(b.columns());
  }

  private static boolean sameIndex(Index a, Index b) {
    return a.columns().equals(b.columns()) && a.unique() == b.unique();
  }

  private static boolean sameForeignKey(ForeignKey a, ForeignKey b) {
    return a.connectsLike(b) && a.onDelete().equals(b.onDelete()) && a.onUpdate().equals(b.onUpdate());
  }
}
