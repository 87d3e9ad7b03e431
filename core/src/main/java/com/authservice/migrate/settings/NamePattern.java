package com.authservice.migrate.settings;

import com.authservice.migrate.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names chosen by globs, each matched against the whole name: {@code *} any run of characters, {@code ?} one
 * character; several globs separated by commas. Globs rather than SQL LIKE, whose {@code _} matches any
 * character: {@code tenant_%} would also take {@code tenantx}.
 */
public record NamePattern(List<String> globs) {

  public NamePattern {
    globs = List.copyOf(globs);
  }

  /**
   * Comma-separated globs, as typed; {@code source} names where they were written and {@code example} shows
   * globs that fit there, for the error about a SQL LIKE pattern.
   */
  public static NamePattern parse(String globs, String source, String example) {
    if (globs == null) {
      return new NamePattern(List.of());
    }
    List<String> parsed = Arrays.stream(globs.split(",")).map(String::strip).filter(g -> !g.isEmpty()).toList();
    parsed.stream().filter(glob -> glob.contains("%")).findFirst().ifPresent(glob -> {
      throw new InvalidArgument(source + " takes glob patterns (" + example + "), not SQL LIKE: " + glob);
    });
    return new NamePattern(parsed);
  }

  public boolean isEmpty() {
    return globs.isEmpty();
  }

  public boolean matches(String name) {
    return globs.stream().anyMatch(glob -> compile(glob).matcher(name).matches());
  }

  @Override
  public String toString() {
    return String.join(",", globs);
  }

  private static Pattern compile(String glob) {
    List<String> parts = new ArrayList<>();
    for (String literal : glob.split("((?<=[*?])|(?=[*?]))")) {
      parts.add(switch (literal) {
        case "*" -> ".*";
        case "?" -> ".";
        default -> Pattern.quote(literal);
      });
    }
    return Pattern.compile(String.join("", parts), Pattern.DOTALL);
  }
}
