package com.authservice.migrate.snapshot;

import java.util.Optional;

/** One object that differs between two snapshots: added, removed, or changed (its definition before and after). */
public record ObjectChange(Change change, SchemaObject.Kind kind, String name, Optional<String> before,
    Optional<String> after) {

  public enum Change { ADDED, REMOVED, CHANGED }

  static ObjectChange added(SchemaObject object) {
    return new ObjectChange(Change.ADDED, object.kind(), object.name(), Optional.empty(),
        Optional.of(object.definition()));
  }

  static ObjectChange removed(SchemaObject object) {
    return new ObjectChange(Change.REMOVED, object.kind(), object.name(), Optional.of(object.definition()),
        Optional.empty());
  }

  static ObjectChange changed(SchemaObject before, SchemaObject after) {
    return new ObjectChange(Change.CHANGED, before.kind(), before.name(), Optional.of(before.definition()),
        Optional.of(after.definition()));
  }

  public String label() {
    return kind.word() + " " + name;
  }

  /** One line: {@code added index ix_users_email: CREATE INDEX ...}, {@code changed column users.email: was ..., now ...}. */
  public String line() {
    return switch (change) {
      case ADDED -> "added " + label() + ": " + after.orElseThrow();
      case REMOVED -> "removed " + label() + ": " + before.orElseThrow();
      case CHANGED -> "changed " + label() + ": was " + before.orElseThrow() + " now " + after.orElseThrow();
    };
  }
}
