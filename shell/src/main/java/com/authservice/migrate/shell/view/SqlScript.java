package com.authservice.migrate.shell.view;

/** SQL printed instead of run ({@code script}, {@code upgrade --sql}, {@code downgrade --sql}). */
public record SqlScript(String sql) {
}
