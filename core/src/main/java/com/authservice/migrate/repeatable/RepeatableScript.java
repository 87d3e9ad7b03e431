package com.authservice.migrate.repeatable;

import com.authservice.migrate.checksum.Checksum;

/** One {@code repeatable/R__<description>.sql} file and its content; the file name is its key. */
public record RepeatableScript(String fileName, String description, String content) {

  public String checksum() {
    return Checksum.of(content);
  }
}
