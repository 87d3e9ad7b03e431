package com.authservice.migrate.shell.view;

import java.nio.file.Path;

/**
 * A file the console wrote: a new migration script ({@code new}), a repeatable one ({@code new --repeatable}) or SQL
 * ({@code script --output}).
 */
public record FileWritten(Path file, Kind kind) {

  public enum Kind {
    MIGRATION, REPEATABLE, SQL
  }
}
