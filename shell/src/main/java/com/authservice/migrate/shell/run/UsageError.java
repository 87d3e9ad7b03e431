package com.authservice.migrate.shell.run;

/** The user typed something the console cannot parse: exit code 2. */
public final class UsageError extends RuntimeException {
  public UsageError(String message) {
    super(message);
  }
}
