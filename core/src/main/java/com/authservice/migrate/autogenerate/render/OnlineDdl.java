package com.authservice.migrate.autogenerate.render;

import static com.authservice.migrate.autogenerate.render.Identifiers.quote;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import com.authservice.migrate.autogenerate.compare.SchemaDiff;
import com.authservice.migrate.autogenerate.schema.Column;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes generated changes the way lint asks for on a live database. On a table that already exists, an
 * index is built or dropped {@code CONCURRENTLY}, a primary key or unique constraint is attached to an index
 * built that way ({@link ConstraintByIndex}), and a foreign key is added {@code NOT VALID} (no scan under the
 * lock), then validated under a lock that lets reads and writes go on. None of that may share the migration's
 * transaction, so it goes to a second script that runs without one ({@code -- migrate:no-transaction}).
 * A column that becomes required on an existing table is added nullable (with its default, which fills the
 * rows there) and backfilled in the first script; the second adds a NOT NULL check NOT VALID, validates it,
 * sets NOT NULL (PostgreSQL 12+ trusts the validated check and skips the scan) and drops the check.
 * The undo runs the second script's undo first, so what the first script drops (keys, constraints, indexes,
 * NOT NULL) comes back there, last, the same safe ways. Tables the same changes create are new: their indexes
 * and keys stay in the first script as they are; so do those that go with a table or column dropped here.
 */
public final class OnlineDdl {

  private final PostgresDdlRenderer renderer = new PostgresDdlRenderer();
  private final List<SchemaChange> changes;
  private final Set<String> newTables;
  private final DroppedHere dropped;

  public OnlineDdl(List<SchemaChange> changes) {
    this.changes = List.copyOf(changes);
    this.newTables = changes.stream().filter(SchemaChange.CreateTable.class::isInstance)
        .map(change -> ((SchemaChange.CreateTable) change).table().name()).collect(Collectors.toSet());
    this.dropped = new DroppedHere(changes);
  }

  /**
   * The first script: everything but what the second runs; foreign keys on existing tables NOT VALID; required
   * columns added nullable, then backfilled; drops of data with what to review.
   */
  public String up() {
    StringBuilder sql = new StringBuilder();
    for (SchemaChange change : firstScript()) {
      if (goesWithItsTable(change)) {
        continue;
      }
      sql.append(upCaveat(change));
      String suffix = addedNotValid(change) ? " NOT VALID" : "";
      renderer.statements(nullableFirst(change)).forEach(statement -> sql.append(statement).append(suffix)
          .append(";\n"));
      requiredLater(change).filter(required -> required.defaultValue().isEmpty())
          .ifPresent(required -> sql.append(RequiredColumn.backfill(required)));
    }
    return sql.toString();
  }

  /** The first script's undo, but for what the second script's undo restores. */
  public String undo() {
    StringBuilder sql = new StringBuilder();
    List<SchemaChange> undoneHere = firstScript().stream().filter(change -> !undoneBySecondScript(change)).toList();
    for (SchemaChange change : SchemaDiff.undo(undoneHere)) {
      if (goesWithItsTable(change)) {
        continue;
      }
      sql.append(undoCaveat(change));
      Optional<RequiredColumn> restored = restoredRequired(change);
      renderer.statements(restored.isPresent() ? nullable((SchemaChange.AddColumn) change) : change)
          .forEach(statement -> sql.append(statement).append(";\n"));
      restored.ifPresent(required -> sql.append(RequiredColumn.backfill(required)).append(Caveats.restoredRequired())
          .append(required.setNotNullInPlace()).append(";\n"));
    }
    return sql.toString();
  }

  /** The second script, empty when nothing needs it. */
  public String concurrentUp() {
    return secondScript().stream().flatMap(step -> step.up().stream()).map(statement -> statement + ";\n")
        .collect(Collectors.joining());
  }

  /** The second script's undo: its own steps undone newest first, then what the first script dropped restored. */
  public String concurrentUndo() {
    return SecondScriptStep.undo(secondScript()).stream().map(statement -> statement + ";\n")
        .collect(Collectors.joining());
  }

  /**
   * The second script's steps, in the order they run. First what the first script dropped (whose undo restores it
   * last, once the rest is undone): foreign keys, keys and constraints, NOT NULL, then the indexes dropped here, so
   * the undo brings back indexes and NOT NULL before the keys that need them, and keys before the foreign keys
   * that reference them. Then the new: index builds, foreign key validations, NOT NULL, and keys attached to their
   * indexes last.
   */
  private List<SecondScriptStep> secondScript() {
    List<SecondScriptStep> steps = new ArrayList<>();
    changes.stream().filter(this::restoredBySecondScript).filter(SchemaChange.DropForeignKey.class::isInstance)
        .forEach(drop -> steps.add(SecondScriptStep.restores(restoreForeignKey((SchemaChange.DropForeignKey) drop))));
    changes.stream().filter(this::restoredBySecondScript).map(SchemaChange::reverse).map(ConstraintByIndex::of)
        .flatMap(Optional::stream)
        .forEach(key -> steps.add(SecondScriptStep.restores(List.of(key.buildIndex(), key.attach()))));
    changes.stream().filter(change -> change instanceof SchemaChange.AlterNullable alter && alter.nullable())
        .map(SchemaChange.AlterNullable.class::cast).forEach(alter -> steps.add(SecondScriptStep.restores(
            new RequiredColumn(alter.table(), alter.column(), Optional.empty()).setNotNull())));
    changes.stream().filter(this::droppedConcurrently).map(SchemaChange.DropIndex.class::cast)
        .forEach(drop -> steps.add(new SecondScriptStep(List.of(dropIndex(drop.index().name())),
            List.of(PostgresDdlRenderer.createIndex((SchemaChange.CreateIndex) drop.reverse(), true)))));
    changes.stream().filter(this::builtConcurrently).map(SchemaChange.CreateIndex.class::cast)
        .forEach(create -> steps.add(new SecondScriptStep(List.of(PostgresDdlRenderer.createIndex(create, true)),
            List.of(dropIndex(create.index().name())))));
    changes.stream().filter(this::attachedToIndex).map(ConstraintByIndex::of).flatMap(Optional::stream)
        .forEach(key -> steps.add(new SecondScriptStep(List.of(key.buildIndex()), List.of())));
    changes.stream().filter(this::addedNotValid).map(SchemaChange.AddForeignKey.class::cast)
        .forEach(add -> steps.add(new SecondScriptStep(List.of(alterTable(add.table()) + "VALIDATE CONSTRAINT "
            + quote(add.key().name())), List.of(alterTable(add.table()) + "DROP CONSTRAINT " + quote(add.key().name())))));
    changes.forEach(change -> requiredLater(change).ifPresent(required -> steps.add(
        new SecondScriptStep(required.setNotNull(), List.of(required.dropNotNull())))));
    changes.stream().filter(this::attachedToIndex).map(ConstraintByIndex::of).flatMap(Optional::stream)
        .forEach(key -> steps.add(new SecondScriptStep(List.of(key.attach()), List.of(key.drop()))));
    return steps;
  }

  /** A foreign key back without a scan under a lock that blocks writes: NOT VALID, then validated on its own. */
  private List<String> restoreForeignKey(SchemaChange.DropForeignKey drop) {
    List<String> statements = new ArrayList<>(renderer.statements(drop.reverse()).stream()
        .map(statement -> statement + " NOT VALID").toList());
    statements.add(alterTable(drop.table()) + "VALIDATE CONSTRAINT " + quote(drop.key().name()));
    return statements;
  }

  /** What the first script runs: not what the second builds or drops concurrently, nor a NOT NULL it sets. */
  private List<SchemaChange> firstScript() {
    return changes.stream().filter(change -> !builtConcurrently(change) && !droppedConcurrently(change)
        && !attachedToIndex(change))
        .filter(change -> !(change instanceof SchemaChange.AlterNullable && requiredLater(change).isPresent()))
        .toList();
  }

  private String upCaveat(SchemaChange change) {
    if (change instanceof SchemaChange.DropTable drop) {
      return Caveats.dropTable(drop.table().name());
    }
    if (change instanceof SchemaChange.DropColumn drop) {
      return Caveats.dropColumn(drop.table(), drop.column().name());
    }
    if (change instanceof SchemaChange.AlterType alter) {
      return Caveats.typeChange(alter);
    }
    return dropped.reason(change).flatMap(what -> Caveats.withDroppedColumnOrTable(change, "dropped with " + what))
        .orElse("");
  }

  /** Dropping a column or table this migration added is what undoing it means. */
  private String undoCaveat(SchemaChange change) {
    if (change instanceof SchemaChange.DropColumn && isAddedHere(change)) {
      return "-- migrate:allow ban-drop-column (undoing this migration removes the column it added)\n";
    }
    if (change instanceof SchemaChange.DropTable && changes.contains(change.reverse())) {
      return "-- migrate:allow ban-drop-table (undoing this migration removes the table it created)\n";
    }
    if (change instanceof SchemaChange.AlterType alter) {
      return Caveats.typeChange(alter);
    }
    return dropped.reason(change.reverse()).filter(what -> what.startsWith("column"))
        .flatMap(what -> Caveats.withDroppedColumnOrTable(change, "restored with " + what)).orElse("");
  }

  /**
   * Dropping an index of a table the same script drops: DROP TABLE drops it too. Kept among the changes, so the
   * undo, which creates the table again, creates the index with it.
   */
  private boolean goesWithItsTable(SchemaChange change) {
    if (!(change instanceof SchemaChange.DropIndex drop)) {
      return false;
    }
    return dropped.reason(change).equals(Optional.of("table " + drop.table())) || newTables.contains(drop.table());
  }

  /** A required column added to an existing table goes in nullable; the second script makes it required. */
  private SchemaChange nullableFirst(SchemaChange change) {
    if (change instanceof SchemaChange.AddColumn add && requiredLater(change).isPresent()) {
      return nullable(add);
    }
    return change;
  }

  private static SchemaChange nullable(SchemaChange.AddColumn add) {
    Column column = add.column();
    return new SchemaChange.AddColumn(add.table(), new Column(column.name(), column.type(), true,
        column.defaultValue(), column.identity(), column.comment()));
  }

  /**
   * A required column without a default that the undo adds back to a table that may have rows: its data is gone,
   * so the user backfills it, and it is made NOT NULL in the undo's own transaction (its second script ran before).
   */
  private Optional<RequiredColumn> restoredRequired(SchemaChange change) {
    if (change instanceof SchemaChange.AddColumn add && !add.column().nullable() && !add.column().identity()
        && add.column().defaultValue().isEmpty() && !newTables.contains(add.table())) {
      return Optional.of(new RequiredColumn(add.table(), add.column().name(), Optional.empty()));
    }
    return Optional.empty();
  }

  /**
   * The column that must become NOT NULL on a table that already exists, and so may have rows: set by the
   * second script, the safe way. Empty for other changes.
   */
  private Optional<RequiredColumn> requiredLater(SchemaChange change) {
    if (change instanceof SchemaChange.AddColumn add && !add.column().nullable() && !add.column().identity()
        && !newTables.contains(add.table())) {
      return Optional.of(new RequiredColumn(add.table(), add.column().name(), add.column().defaultValue()));
    }
    if (change instanceof SchemaChange.AlterNullable alter && !alter.nullable() && !newTables.contains(alter.table())) {
      return Optional.of(new RequiredColumn(alter.table(), alter.column(), Optional.empty()));
    }
    return Optional.empty();
  }

  private boolean isAddedHere(SchemaChange drop) {
    return changes.contains(drop.reverse()) || changes.stream().anyMatch(change -> change
        instanceof SchemaChange.AddColumn add && drop instanceof SchemaChange.DropColumn d
        && add.table().equals(d.table()) && add.column().name().equals(d.column().name()));
  }

  /** Undone by the second script's undo: a foreign key validated there, or what it restores. */
  private boolean undoneBySecondScript(SchemaChange change) {
    return addedNotValid(change) || restoredBySecondScript(change);
  }

  /** A key, constraint or NOT NULL the first script drops, to come back the safe way when undone. */
  private boolean restoredBySecondScript(SchemaChange change) {
    boolean constraint = change instanceof SchemaChange.DropPrimaryKey || change instanceof SchemaChange.DropUnique
        || change instanceof SchemaChange.DropForeignKey;
    return constraint && dropped.reason(change).isEmpty()
        || change instanceof SchemaChange.AlterNullable alter && alter.nullable();
  }

  private boolean builtConcurrently(SchemaChange change) {
    return change instanceof SchemaChange.CreateIndex create && !newTables.contains(create.table());
  }

  private boolean droppedConcurrently(SchemaChange change) {
    return change instanceof SchemaChange.DropIndex && dropped.reason(change).isEmpty();
  }

  private boolean attachedToIndex(SchemaChange change) {
    return ConstraintByIndex.of(change).filter(key -> !newTables.contains(key.table())).isPresent();
  }

  private boolean addedNotValid(SchemaChange change) {
    return change instanceof SchemaChange.AddForeignKey add && !newTables.contains(add.table());
  }

  private static String dropIndex(String name) {
    return "DROP INDEX CONCURRENTLY " + quote(name);
  }

  private static String alterTable(String table) {
    return "ALTER TABLE " + quote(table) + " ";
  }
}
