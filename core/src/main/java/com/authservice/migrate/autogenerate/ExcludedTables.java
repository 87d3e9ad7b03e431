package com.authservice.migrate.autogenerate;

import com.authservice.migrate.settings.NamePattern;
import java.util.List;
import java.util.stream.Stream;

/**
 * Tables that autogenerate and check leave alone on both sides, neither created nor dropped: the tables of
 * other services in the same database, for example (Alembic's {@code include_object}). Patterns are globs
 * matched against the whole table name: {@code *} any run of characters, {@code ?} one character.
 */
public record ExcludedTables(List<String> patterns) {

  public static final ExcludedTables NONE = new ExcludedTables(List.of());

  public ExcludedTables {
    patterns = List.copyOf(patterns);
  }

  /** Comma-separated patterns, as typed; {@code source} names where they were written, for the error. */
  public static ExcludedTables parse(String patterns, String source) {
    return new ExcludedTables(NamePattern.parse(patterns, source, "billing_*, audit_?").globs());
  }

  public ExcludedTables and(ExcludedTables other) {
    return new ExcludedTables(Stream.concat(patterns.stream(), other.patterns.stream()).distinct().toList());
  }

  public boolean excludes(String table) {
    return new NamePattern(patterns).matches(table);
  }
}
