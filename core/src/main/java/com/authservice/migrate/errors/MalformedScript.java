package com.authservice.migrate.errors;

/** A script the tool refuses to run because running it would do something other than intended. */
public final class MalformedScript extends MigrationException {
  public MalformedScript(String fileName, String problem) {
    super("Malformed migration script " + fileName + ": " + problem);
  }
}
