package com.authservice.migrate.result;

/** A script in the migrations repository. */
public record Migration(MigrationId id, String description, String fileName) implements Comparable<Migration> {

  @Override
  public int compareTo(Migration other) {
    return id.compareTo(other.id);
  }
}
