package com.authservice.migrate.snapshot;

import java.util.List;

/** The objects that differ between two snapshots, in the snapshots' order; empty when they are equal. */
public record SchemaDifference(List<ObjectChange> changes) {

  public SchemaDifference {
    changes = List.copyOf(changes);
  }

  public boolean isEmpty() {
    return changes.isEmpty();
  }

  /** One line per object. */
  public List<String> lines() {
    return changes.stream().map(ObjectChange::line).toList();
  }
}
