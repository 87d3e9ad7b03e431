package com.authservice.migrate.result;

import java.util.Optional;

/**
 * One line of {@code status}: a migration known from its script, its changelog row, or both.
 * {@code fileName} is empty for a {@link State#MISSING} migration, {@code appliedAt} for one not applied.
 */
public record MigrationState(MigrationId id, String description, Optional<String> fileName,
    Optional<String> appliedAt, State state) {
}
