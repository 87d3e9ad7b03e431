package com.authservice.migrate.repeatable;

import java.util.Optional;

/**
 * A repeatable script and how it stands against what was last applied: {@code appliedAt} is when its recorded
 * content was applied (empty for a new one).
 */
public record RepeatableState(String fileName, String description, Status status, Optional<String> appliedAt) {

  /** What {@code up} will do with the script: apply it ({@code NEW}, {@code CHANGED}) or leave it. */
  public enum Status {
    NEW("new"), CHANGED("changed"), UP_TO_DATE("up to date"),
    /** Recorded as applied, but its file is gone: nothing runs; what it created stays until a migration drops it. */
    MISSING("missing");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    /** As status and JSON print it. */
    public String label() {
      return label;
    }

    public boolean isDue() {
      return this == NEW || this == CHANGED;
    }
  }
}
