package com.authservice.migrate.shell.cli;

/** The user typed something the console cannot parse: exit code 2. */
public class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }
}
