package com.authservice.migrate.shell.cli;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.MigrationException;
import org.springframework.core.convert.ConversionException;

/** What a failure means to the user: its stable code, its one-line message and the process's exit code. */
public record Failure(String code, String message, int exitCode) {

  public static Failure of(Throwable failure, boolean debug) {
    if (failure instanceof MigrationException migration) {
      return new Failure(ErrorCodes.of(migration), migration.getMessage(),
          migration.isUsageError() ? CommandDispatcher.USAGE : CommandDispatcher.FAILED);
    }
    if (failure instanceof UsageError) {
      return new Failure(ErrorCodes.USAGE, failure.getMessage(), CommandDispatcher.USAGE);
    }
    if (failure instanceof GateFailed) {
      return new Failure(ErrorCodes.GATE_FAILED, failure.getMessage(), CommandDispatcher.FAILED);
    }
    // An option value that does not convert was typed wrong; any other IllegalArgumentException is a failure.
    if (failure instanceof ConversionException) {
      return new Failure(ErrorCodes.USAGE, oneLine(failure.getCause() == null ? failure : failure.getCause())
          + " (see `help`)", CommandDispatcher.USAGE);
    }
    return new Failure(ErrorCodes.UNEXPECTED, oneLine(failure) + (debug ? "" : " (run with --debug for details)"),
        CommandDispatcher.FAILED);
  }

  private static String oneLine(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName()
        : DatabaseError.firstLine(failure.getMessage());
  }
}
