package com.authservice.migrate.autogenerate;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import java.util.List;

/** What autogenerate found: the changes, warnings about possible renames, and the SQL both ways. */
public record Autogeneration(List<SchemaChange> changes, List<String> warnings, String upSql, String undoSql) {

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
