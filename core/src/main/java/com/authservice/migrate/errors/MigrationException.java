package com.authservice.migrate.errors;

/**
 * A failure the user can act on. The message is one line that says what happened and what to do;
 * the shell prints it as is and maps the type to an exit code.
 */
public abstract sealed class MigrationException extends RuntimeException
    permits CannotConnect, AuthenticationFailed, UnknownDatabase, PermissionDenied, DatabaseError,
        UnknownMigration, AmbiguousMigration, MalformedScript, ScriptFailed, LockTimeout,
        ScriptsModified, NotUpToDate, InvalidArgument, ConfirmationRequired, EnvironmentFailed, StateConflict,
        MigrationsFailed, LintRefused, LockWaitExhausted, FleetFailed, ConnectionLost, RunCancelled {

  protected MigrationException(String message) {
    super(message);
  }

  protected MigrationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** True when the user typed something wrong (exit code 2), false when the command failed (exit code 1). */
  public boolean isUsageError() {
    return false;
  }
}
