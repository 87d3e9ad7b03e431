package com.authservice.migrate.shell.cli;

import java.util.Locale;

/** How results are written on stdout: text for people, or one JSON document per command for pipelines. */
public enum OutputFormat {
  TEXT, JSON;

  /** {@code json} or {@code text}, from {@code setting} (the option or the variable that gave it). */
  public static OutputFormat parse(String value, String setting) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "json" -> JSON;
      case "text" -> TEXT;
      default -> throw new UsageError(setting + " takes json or text, not \"" + value + "\"");
    };
  }
}
