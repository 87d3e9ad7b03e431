package com.authservice.migrate.autogenerate;

import com.authservice.migrate.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
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
    if (patterns == null) {
      return NONE;
    }
    List<String> parsed = Arrays.stream(patterns.split(",")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    parsed.stream().filter(pattern -> pattern.contains("%")).findFirst().ifPresent(pattern -> {
      throw new InvalidArgument(source + " takes glob patterns (billing_*, audit_?), not SQL LIKE: " + pattern);
    });
    return new ExcludedTables(parsed);
  }

  public ExcludedTables and(ExcludedTables other) {
    return new ExcludedTables(Stream.concat(patterns.stream(), other.patterns.stream()).distinct().toList());
  }

  public boolean excludes(String table) {
    return patterns.stream().anyMatch(pattern -> glob(pattern).matcher(table).matches());
  }

  private static Pattern glob(String pattern) {
    List<String> parts = new ArrayList<>();
    for (String literal : pattern.split("((?<=[*?])|(?=[*?]))")) {
      parts.add(switch (literal) {
        case "*" -> ".*";
        case "?" -> ".";
        default -> Pattern.quote(literal);
      });
    }
    return Pattern.compile(String.join("", parts), Pattern.DOTALL);
  }
}
