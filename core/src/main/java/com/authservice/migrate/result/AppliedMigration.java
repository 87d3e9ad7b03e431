package com.authservice.migrate.result;

/**
 * A row of the changelog table. {@code checksum} is null for rows written by the MyBatis CLI
 * or before checksums were recorded.
 */
public record AppliedMigration(MigrationId id, String description, String appliedAt, String checksum) {
}
