package com.authservice.migrate.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A column type as written or as the catalog's {@code format_type} gives it, reduced to a base name and its
 * modifiers ({@code character varying(20)} and {@code varchar(20)} are the same), to tell which type changes
 * PostgreSQL makes without rewriting the table.
 */
record ColumnType(String name, List<Integer> modifiers) {

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("character varying", "varchar"), Map.entry("int", "integer"), Map.entry("int4", "integer"),
      Map.entry("int8", "bigint"), Map.entry("int2", "smallint"), Map.entry("decimal", "numeric"),
      Map.entry("bool", "boolean"), Map.entry("float8", "double precision"), Map.entry("float4", "real"),
      Map.entry("timestamptz", "timestamp with time zone"), Map.entry("timestamp", "timestamp without time zone"),
      Map.entry("serial4", "serial"), Map.entry("serial8", "bigserial"), Map.entry("serial2", "smallserial"));

  static ColumnType of(String text) {
    String written = text.strip().toLowerCase().replaceAll("\\s+", " ");
    int open = written.indexOf('(');
    int close = written.indexOf(')', open + 1);
    String name = open < 0 ? written : (written.substring(0, open) + written.substring(close + 1)).strip();
    List<Integer> modifiers = new ArrayList<>();
    if (open >= 0 && close > open) {
      for (String part : written.substring(open + 1, close).split(",")) {
        try {
          modifiers.add(Integer.parseInt(part.strip()));
        } catch (NumberFormatException e) {
          return new ColumnType(written, List.of());
        }
      }
    }
    return new ColumnType(ALIASES.getOrDefault(name, name), List.copyOf(modifiers));
  }

  boolean isSerial() {
    return name.equals("serial") || name.equals("bigserial") || name.equals("smallserial");
  }

  /**
   * Whether changing a column from this type to {@code target} keeps the table as it is: the same type, a
   * longer or unlimited varchar, varchar to text (and back to an unlimited varchar), more numeric precision
   * at the same scale. Everything else rewrites the table and rebuilds its indexes.
   */
  boolean changesWithoutRewriteTo(ColumnType target) {
    if (equals(target)) {
      return true;
    }
    boolean fromText = name.equals("varchar") || name.equals("text");
    if (fromText && (target.name.equals("text") || target.equals(new ColumnType("varchar", List.of())))) {
      return true;
    }
    if (name.equals("varchar") && target.name.equals("varchar")) {
      return !modifiers.isEmpty() && target.modifiers.size() == 1 && target.modifiers.get(0) >= modifiers.get(0);
    }
    if (name.equals("numeric") && target.name.equals("numeric")) {
      if (target.modifiers.isEmpty()) {
        return true;
      }
      return modifiers.size() == 2 && target.modifiers.size() == 2 && target.modifiers.get(1).equals(modifiers.get(1))
          && target.modifiers.get(0) >= modifiers.get(0);
    }
    return false;
  }

  @Override
  public String toString() {
    return modifiers.isEmpty() ? name : name + modifiers.toString().replace('[', '(').replace(']', ')')
        .replace(" ", "");
  }
}
