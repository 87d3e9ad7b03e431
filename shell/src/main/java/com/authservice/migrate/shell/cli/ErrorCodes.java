package com.authservice.migrate.shell.cli;

import com.authservice.migrate.errors.AmbiguousMigration;
import com.authservice.migrate.errors.AuthenticationFailed;
import com.authservice.migrate.errors.CannotConnect;
import com.authservice.migrate.errors.ConfirmationRequired;
import com.authservice.migrate.errors.ConnectionLost;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.EnvironmentFailed;
import com.authservice.migrate.errors.FleetFailed;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.LintRefused;
import com.authservice.migrate.errors.LockTimeout;
import com.authservice.migrate.errors.LockWaitExhausted;
import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.errors.MigrationsFailed;
import com.authservice.migrate.errors.NotUpToDate;
import com.authservice.migrate.errors.PermissionDenied;
import com.authservice.migrate.errors.RunCancelled;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.errors.ScriptsModified;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.errors.UnknownDatabase;
import com.authservice.migrate.errors.UnknownMigration;
import java.util.Locale;
import java.util.Map;

/**
 * The stable {@code error} codes of JSON output, one per failure type; docs/json-output.md lists them. Pipelines
 * branch on these, so a code never changes once released, even if its exception is renamed.
 */
public final class ErrorCodes {

  /** What was typed cannot be used (exit code 2). */
  public static final String USAGE = "usage";
  /** A gate said no: check, validate, status --fail-on (exit code 1). */
  public static final String GATE_FAILED = "gate_failed";
  /** A failure the console has no words for; {@code --debug} shows its stack trace. */
  public static final String UNEXPECTED = "unexpected";

  static final Map<Class<? extends MigrationException>, String> CODES = Map.ofEntries(
      Map.entry(CannotConnect.class, "cannot_connect"),
      Map.entry(AuthenticationFailed.class, "authentication_failed"),
      Map.entry(UnknownDatabase.class, "unknown_database"),
      Map.entry(PermissionDenied.class, "permission_denied"),
      Map.entry(DatabaseError.class, "database_error"),
      Map.entry(UnknownMigration.class, "unknown_migration"),
      Map.entry(AmbiguousMigration.class, "ambiguous_migration"),
      Map.entry(MalformedScript.class, "malformed_script"),
      Map.entry(ScriptFailed.class, "script_failed"),
      Map.entry(LockTimeout.class, "lock_timeout"),
      Map.entry(ScriptsModified.class, "scripts_modified"),
      Map.entry(NotUpToDate.class, "not_up_to_date"),
      Map.entry(InvalidArgument.class, USAGE),
      Map.entry(ConfirmationRequired.class, "confirmation_required"),
      Map.entry(EnvironmentFailed.class, "environment_failed"),
      Map.entry(StateConflict.class, "state_conflict"),
      Map.entry(MigrationsFailed.class, "migrations_failed"),
      Map.entry(LintRefused.class, "lint_refused"),
      Map.entry(LockWaitExhausted.class, "lock_wait_exhausted"),
      Map.entry(FleetFailed.class, "fleet_failed"),
      Map.entry(ConnectionLost.class, "connection_lost"),

      Map.entry(RunCancelled.class, "run_cancelled"));

  private ErrorCodes() {
  }

  /** SQLSTATE insufficient_privilege: a script that lacks a privilege is refused as the connection would be. */
  private static final String INSUFFICIENT_PRIVILEGE = "42501";

  /** A type added to the family before it is listed here still gets a code: its name in snake case. */
  public static String of(MigrationException failure) {
    if (failure instanceof ScriptFailed script && INSUFFICIENT_PRIVILEGE.equals(script.sqlState())) {
      return CODES.get(PermissionDenied.class);
    }
    String code = CODES.get(failure.getClass());
    return code != null ? code
        : failure.getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
