package com.authservice.migrate.shell.view;

import com.authservice.migrate.result.MigrationDetail;

/** {@code show}: one migration's SQL, undo SQL and state on {@code target}. */
public record MigrationShown(MigrationDetail detail, String target) {
}
