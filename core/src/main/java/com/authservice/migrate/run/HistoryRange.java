package com.authservice.migrate.run;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.StatusReport;

/** Alembic's {@code -r FROM:TO}: each side an id prefix, {@code base}, {@code head}, or empty for open. */
public record HistoryRange(MigrationId from, MigrationId to) {

  public static HistoryRange parse(String range, StatusReport status, String scriptsLocation) {
    if (range == null || range.isBlank()) {
      return new HistoryRange(null, null);
    }
    int colon = range.indexOf(':');
    if (colon < 0) {
      throw new InvalidArgument("A history range is FROM:TO (for example 20251001:head), not \"" + range + "\"");
    }
    return new HistoryRange(bound(range.substring(0, colon), status, scriptsLocation),
        bound(range.substring(colon + 1), status, scriptsLocation));
  }

  public boolean contains(MigrationId id) {
    return (from == null || id.compareTo(from) >= 0) && (to == null || id.compareTo(to) <= 0);
  }

  private static MigrationId bound(String text, StatusReport status, String scriptsLocation) {
    String value = text.strip();
    if (value.isEmpty() || value.equalsIgnoreCase("base") || value.equalsIgnoreCase("head")) {
      return null;
    }
    if (value.equalsIgnoreCase("current")) {
      return status.current().map(m -> m.id()).orElse(null);
    }
    return IdResolver.resolve(value, status.migrations(), scriptsLocation).id();
  }
}
