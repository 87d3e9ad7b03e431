package com.authservice.migrate.lint;

/** Lint's own judgement of a column type change, for autogenerate to write it the way lint reads it. */
public final class TypeChange {

  private TypeChange() {
  }

  /** Whether PostgreSQL changes a column from {@code from} to {@code to} in place, without rewriting the table. */
  public static boolean withoutRewrite(String from, String to) {
    return ColumnType.of(from).changesWithoutRewriteTo(ColumnType.of(to));
  }
}
