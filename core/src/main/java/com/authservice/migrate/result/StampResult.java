package com.authservice.migrate.result;

import java.util.List;
import java.util.Optional;

/**
 * What {@code stamp} recorded without running any migration. {@code alembicRevision} is the revision
 * found in an Alembic-managed database's {@code alembic_version} table, when there was one.
 */
public record StampResult(Optional<MigrationId> current, List<MigrationId> marked, List<MigrationId> unmarked,
    Optional<String> alembicRevision, boolean alembicTableDropped) {

  public StampResult {
    marked = List.copyOf(marked);
    unmarked = List.copyOf(unmarked);
  }
}
