package com.authservice.migrate.shell.view;

import java.nio.file.Path;

/** What {@code new --java} wrote: the stub script and the class it names. */
public record JavaMigrationWritten(Path script, Path source) {
}
