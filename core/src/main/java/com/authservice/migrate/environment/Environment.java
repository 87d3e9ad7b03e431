package com.authservice.migrate.environment;

import com.authservice.migrate.settings.ConnectionSettings;

/**
 * A named database the console can target: {@code default} is the POSTGRES_* variables and {@code .env};
 * the others come from {@code environments/<name>.properties}. {@code isProtected} environments need
 * confirmation before any command changes them.
 */
public record Environment(String name, ConnectionSettings connection, boolean isProtected) {

  public static final String DEFAULT = "default";

  /**
   * The MyBatis environment whose file holds this one's script variables ({@code ${changelog}} and the
   * like): its own; for {@code default}, MyBatis' own default, {@code development}.
   */
  public String mybatisName() {
    return mybatisName(name);
  }

  public static String mybatisName(String environment) {
    return DEFAULT.equals(environment) ? "development" : environment;
  }
}
