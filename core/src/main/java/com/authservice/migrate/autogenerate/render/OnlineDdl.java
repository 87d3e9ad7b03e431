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
 * index is built {@code CONCURRENTLY} and a foreign key is added {@code NOT VALID} (no scan under the lock),
 * then validated under a lock that lets reads and writes go on. Neither may share the migration's
 * transaction, so both go to a second script that runs without one ({@code -- migrate:no-transaction}).
 * A column that becomes required on an existing table is added nullable (with its default, which fills the
 * rows there) and backfilled in the first script; the second adds a NOT NULL check NOT VALID, validates it,
 * sets NOT NULL (PostgreSQL 12+ trusts the validated check and skips the scan) and drops the check.
 * Tables the same changes create are new: their indexes and keys stay in the first script as they are.
 */
public final class OnlineDdl {

  private final PostgresDdlRenderer renderer = new PostgresDdlRenderer();
  private final List<SchemaChange> changes;
  private final Set<String> newTables;

  public OnlineDdl(List<SchemaChange> changes) {
    this.changes = List.copyOf(changes);
    this.newTables = changes.stream().filter(SchemaChange.CreateTable.class::isInstance)
        .map(change -> ((SchemaChange.CreateTable) change).table().name()).collect(Collectors.toSet());
  }

  /**
   * The first script: everything but the concurrent index builds and the NOT NULL steps; foreign keys on
   * existing tables NOT VALID; required columns added nullable, then backfilled.
   */
  public String up() {
    StringBuilder sql = new StringBuilder();
    for (SchemaChange change : firstScript()) {
      String suffix = addedNotValid(change) ? " NOT VALID" : "";
      renderer.statements(nullableFirst(change)).forEach(statement -> sql.append(statement).append(suffix)
          .append(";\n"));
      requiredLater(change).filter(required -> required.defaultValue().isEmpty())
          .ifPresent(required -> sql.append(RequiredColumn.backfill(required)));
    }
    return sql.toString();
  }

  /** The first script's undo; dropping a column this migration added is what undoing it means, so lint allows it. */
  public String undo() {
    StringBuilder sql = new StringBuilder();
    for (SchemaChange change : SchemaDiff.undo(firstScript())) {
      if (change instanceof SchemaChange.DropColumn && isAddedHere(change)) {
        sql.append("-- migrate:allow ban-drop-column (undoing this migration removes the column it added)\n");
      } else if (change instanceof SchemaChange.DropTable && changes.contains(change.reverse())) {
        sql.append("-- migrate:allow ban-drop-table (undoing this migration removes the table it created)\n");
      }
      renderer.statements(change).forEach(statement -> sql.append(statement).append(";\n"));
    }
    return sql.toString();
  }

  /** The second script, empty when nothing needs it: index builds, then the validations, in order. */
  public String concurrentUp() {
    List<String> statements = new ArrayList<>();
    changes.stream().filter(this::builtConcurrently)
        .forEach(change -> statements.add(PostgresDdlRenderer.createIndex((SchemaChange.CreateIndex) change, true)));
    changes.stream().filter(this::addedNotValid).map(SchemaChange.AddForeignKey.class::cast)
        .forEach(add -> statements.add("ALTER TABLE " + quote(add.table()) + " VALIDATE CONSTRAINT "
            + quote(add.key().name())));
    changes.forEach(change -> requiredLater(change).ifPresent(required -> statements.addAll(required.setNotNull())));
    return statements.stream().map(statement -> statement + ";\n").collect(Collectors.joining());
  }

  /**
   * The second script's undo: required columns nullable again and the indexes dropped concurrently, newest first
   * (the first script drops the keys and the columns it added).
   */
  public String concurrentUndo() {
    List<String> statements = new ArrayList<>();
    changes.stream().filter(this::builtConcurrently).map(SchemaChange.CreateIndex.class::cast)
        .forEach(create -> statements.add(0, "DROP INDEX CONCURRENTLY " + quote(create.index().name()) + ";\n"));
    changes.forEach(change -> requiredLater(change)
        .ifPresent(required -> statements.add(0, required.dropNotNull() + ";\n")));
    return String.join("", statements);
  }

  /** What the first script runs: not the concurrent index builds, not a NOT NULL the second script sets. */
  private List<SchemaChange> firstScript() {
    return changes.stream().filter(change -> !builtConcurrently(change))
        .filter(change -> !(change instanceof SchemaChange.AlterNullable && requiredLater(change).isPresent()))
        .toList();
  }

  /** A required column added to an existing table goes in nullable; the second script makes it required. */
  private SchemaChange nullableFirst(SchemaChange change) {
    if (change instanceof SchemaChange.AddColumn add && requiredLater(change).isPresent()) {
      Column column = add.column();
      return new SchemaChange.AddColumn(add.table(), new Column(column.name(), column.type(), true,
          column.defaultValue(), column.identity(), column.comment()));
    }
    return change;
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

  private boolean builtConcurrently(SchemaChange change) {
    return change instanceof SchemaChange.CreateIndex create && !newTables.contains(create.table());
  }

  private boolean addedNotValid(SchemaChange change) {
    return change instanceof SchemaChange.AddForeignKey add && !newTables.contains(add.table());
  }
}
