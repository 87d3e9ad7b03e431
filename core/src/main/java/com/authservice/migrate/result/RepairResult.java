package com.authservice.migrate.result;

import java.util.List;

/**
 * What {@code repair} recorded: applied scripts whose edited content it accepted, and applied migrations whose
 * script was deleted, now marked deleted in the changelog (Flyway's repair marks missing migrations deleted).
 */
public record RepairResult(List<MigrationId> accepted, List<MigrationId> deleted) {

  public boolean isEmpty() {
    return accepted.isEmpty() && deleted.isEmpty();
  }
}
