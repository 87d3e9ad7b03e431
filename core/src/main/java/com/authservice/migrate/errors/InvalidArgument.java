package com.authservice.migrate.errors;

/** Input the user typed that cannot be accepted (exit code 2). */
public final class InvalidArgument extends MigrationException {
  public InvalidArgument(String message) {
    super(message);
  }

  @Override
  public boolean isUsageError() {
    return true;
  }
}
