package com.authservice.migrate.environment;

import com.authservice.migrate.settings.ConnectionSettings;

/**
 * A named database the console can target: {@code default} is the POSTGRES_* variables and {@code .env};
 * the others come from {@code environments/<name>.properties}. {@code isProtected} environments need
 * confirmation before any command changes them.
 */
public record Environment(String name, ConnectionSettings connection, boolean isProtected) {

  public static final String DEFAULT = "default";
}
