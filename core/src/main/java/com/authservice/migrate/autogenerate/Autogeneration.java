package com.authservice.migrate.autogenerate;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import java.util.List;

/**
 * What autogenerate found: the changes, warnings about possible renames, and the SQL both ways.
 *
 * @param concurrentUpSql what must run outside a transaction after {@code upSql} (indexes built CONCURRENTLY on
 *     existing tables, foreign keys validated); empty when nothing does
 * @param concurrentUndoSql its undo, run before {@code undoSql}
 */
public record Autogeneration(List<SchemaChange> changes, List<String> warnings, String upSql, String undoSql,
    String concurrentUpSql, String concurrentUndoSql) {

  public Autogeneration {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  public List<String> summary() {
    return changes.stream().map(SchemaChange::summary).toList();
  }
}
