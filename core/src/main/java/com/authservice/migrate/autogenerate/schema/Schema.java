package com.authservice.migrate.autogenerate.schema;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/** A schema's tables by name: what the models describe, or what pg_catalog holds. */
public record Schema(Map<String, Table> tables) {

  public Schema {
    tables = Collections.unmodifiableMap(new TreeMap<>(tables));
  }

  public static Schema of(List<Table> tables) {
    Map<String, Table> byName = new TreeMap<>();
    tables.forEach(table -> byName.put(table.name(), table));
    return new Schema(byName);
  }

  public Optional<Table> table(String name) {
    return Optional.ofNullable(tables.get(name));
  }

  /** This schema without the tables whose names {@code leftOut} accepts. */
  public Schema without(Predicate<String> leftOut) {
    return of(tables.values().stream().filter(table -> !leftOut.test(table.name())).toList());
  }
}
