package com.authservice.migrate.result;

/** A migration that failed during a {@code --force} run and was rolled back alone; {@code error} says why. */
public record FailedMigration(Migration migration, String error) {
}
