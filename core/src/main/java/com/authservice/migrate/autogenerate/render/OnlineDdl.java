package com.authservice.migrate.autogenerate.render;

import static com.authservice.migrate.autogenerate.render.Identifiers.quote;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import com.authservice.migrate.autogenerate.compare.SchemaDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Writes generated changes the way lint asks for on a live database. On a table that already exists, an
 * index is built {@code CONCURRENTLY} and a foreign key is added {@code NOT VALID} (no scan under the lock),
 * then validated under a lock that lets reads and writes go on. Neither may share the migration's
 * transaction, so both go to a second script that runs without one ({@code -- migrate:no-transaction}).
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

  /** The first script: everything but the concurrent index builds; foreign keys on existing tables NOT VALID. */
  public String up() {
    StringBuilder sql = new StringBuilder();
    for (SchemaChange change : changes) {
      if (!builtConcurrently(change)) {
        String suffix = addedNotValid(change) ? " NOT VALID" : "";
        renderer.statements(change).forEach(statement -> sql.append(statement).append(suffix).append(";\n"));
      }
    }
    return sql.toString();
  }

  /** The first script's undo. */
  public String undo() {
    return renderer.render(SchemaDiff.undo(changes.stream().filter(change -> !builtConcurrently(change)).toList()));
  }

  /** The second script, empty when nothing needs it: index builds, then the validations, in order. */
  public String concurrentUp() {
    List<String> statements = new ArrayList<>();
    changes.stream().filter(this::builtConcurrently)
        .forEach(change -> statements.add(PostgresDdlRenderer.createIndex((SchemaChange.CreateIndex) change, true)));
    changes.stream().filter(this::addedNotValid).map(SchemaChange.AddForeignKey.class::cast)
        .forEach(add -> statements.add("ALTER TABLE " + quote(add.table()) + " VALIDATE CONSTRAINT "
            + quote(add.key().name())));
    return statements.stream().map(statement -> statement + ";\n").collect(Collectors.joining());
  }

  /** The second script's undo: the indexes dropped concurrently, newest first (the first script drops the keys). */
  public String concurrentUndo() {
    List<String> statements = new ArrayList<>();
    changes.stream().filter(this::builtConcurrently).map(SchemaChange.CreateIndex.class::cast)
        .forEach(create -> statements.add(0, "DROP INDEX CONCURRENTLY " + quote(create.index().name()) + ";\n"));
    return String.join("", statements);
  }

  private boolean builtConcurrently(SchemaChange change) {
    return change instanceof SchemaChange.CreateIndex create && !newTables.contains(create.table());
  }

  private boolean addedNotValid(SchemaChange change) {
    return change instanceof SchemaChange.AddForeignKey add && !newTables.contains(add.table());
  }
}
