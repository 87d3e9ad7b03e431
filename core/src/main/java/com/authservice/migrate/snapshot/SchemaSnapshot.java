package com.authservice.migrate.snapshot;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A schema exactly as pg_catalog describes it, one object a line: tables, columns (type, collation, default,
 * identity, nullability), constraints, indexes, sequences, views, functions, triggers, extensions, enum types with
 * their values in order, and comments. The changelog table and what extensions own are left out. Two reads of
 * an unchanged schema give equal snapshots, and two databases with the same schema give the same text, so the
 * text can be kept in a file and compared. Names are unqualified where PostgreSQL allows it; index and function
 * definitions name the schema (pg_get_indexdef and pg_get_functiondef always do), so compare schemas of one name.
 *
 * <p>Column order is not part of a snapshot: an undo that drops and re-adds a column leaves the same schema as
 * far as any query by name can tell.
 */
public final class SchemaSnapshot {

  private final Map<String, SchemaObject> objects;

  private SchemaSnapshot(Collection<SchemaObject> objects) {
    this.objects = objects.stream().sorted().collect(Collectors.toMap(SchemaObject::label, Function.identity(),
        (first, second) -> {
          throw new IllegalArgumentException("Two objects named " + first.label());
        }, java.util.LinkedHashMap::new));
  }

  public static SchemaSnapshot of(Collection<SchemaObject> objects) {
    return new SchemaSnapshot(objects);
  }

  /** Reads {@code schema} on {@code connection}, leaving out the changelog table {@code changelogTable}. */
  public static SchemaSnapshot read(Connection connection, String schema, String changelogTable) {
    return new SchemaSnapshot(new SnapshotReader(connection, schema, changelogTable).read());
  }

  public List<SchemaObject> objects() {
    return List.copyOf(objects.values());
  }

  public Optional<SchemaObject> find(String label) {
    return Optional.ofNullable(objects.get(label));
  }

  public boolean isEmpty() {
    return objects.isEmpty();
  }

  /** The definitions, one a line, in a fixed order (by kind, then name), each line ending in a newline. */
  public String render() {
    StringBuilder text = new StringBuilder();
    objects.values().forEach(object -> text.append(object.definition()).append('\n'));
    return text.toString();
  }

  /** What changed from this snapshot to {@code after}, object by object. */
  public SchemaDifference differenceTo(SchemaSnapshot after) {
    TreeMap<SchemaObject, ObjectChange> changes = new TreeMap<>();
    for (SchemaObject before : objects.values()) {
      SchemaObject now = after.objects.get(before.label());
      if (now == null) {
        changes.put(before, ObjectChange.removed(before));
      } else if (!now.definition().equals(before.definition())) {
        changes.put(before, ObjectChange.changed(before, now));
      }
    }
    for (SchemaObject now : after.objects.values()) {
      if (!objects.containsKey(now.label())) {
        changes.put(now, ObjectChange.added(now));
      }
    }
    return new SchemaDifference(new ArrayList<>(changes.values()));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SchemaSnapshot snapshot && snapshot.objects.equals(objects);
  }

  @Override
  public int hashCode() {
    return objects.hashCode();
  }

  @Override
  public String toString() {
    return new TreeSet<>(objects.keySet()).toString();
  }
}
