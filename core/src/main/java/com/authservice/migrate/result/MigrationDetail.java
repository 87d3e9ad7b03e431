package com.authservice.migrate.result;

/** One migration as {@code show} and {@code history --verbose} present it. */
public record MigrationDetail(MigrationState state, String upSql, String undoSql) {

  /** The first {@code count} non-blank lines of the up section, for a verbose history. */
  public java.util.List<String> firstLines(int count) {
    return upSql.lines().filter(line -> !line.isBlank()).limit(count).toList();
  }
}
