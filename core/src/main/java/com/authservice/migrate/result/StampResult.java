package com.authservice.migrate.result;

import java.util.List;
import java.util.Optional;

/**
 * What {@code stamp} recorded without running any migration. {@code alembicRevision} is the revision
 * found in an Alembic-managed database's {@code alembic_version} table, when there was one.
 * {@code differences} are the indexes and constraints in which a database stamped by schema match differs
 * from what the scripts build up to {@code current} ({@code missing ...}, {@code extra ...}): {@code up}
 * will not change them.
 */
public record StampResult(Optional<MigrationId> current, List<MigrationId> marked, List<MigrationId> unmarked,
    Optional<String> alembicRevision, boolean alembicTableDropped, List<String> differences) {

  public StampResult {
    marked = List.copyOf(marked);
    unmarked = List.copyOf(unmarked);
    differences = List.copyOf(differences);
  }
}
