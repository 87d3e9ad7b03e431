package com.authservice.migrate.tablelock;

import com.authservice.migrate.errors.ScriptFailed;
import java.util.Locale;

/**
 * SQLSTATE 57014 (query_canceled) is three different things, told apart by the server's message: the statement
 * time-out, a cancel request (someone ran {@code pg_cancel_backend}, or the user pressed Ctrl-C), or the server
 * ending a {@code COPY ... FROM stdin} whose data the client gave up on. None of them is a lock wait, and running
 * the migration again would only repeat it.
 */
final class QueryCanceled {

  private static final String STATE = "57014";

  private QueryCanceled() {
  }

  static boolean is(ScriptFailed failure) {
    return STATE.equals(failure.sqlState());
  }

  /**
   * @param wait the time-outs the migration ran with
   * @param scriptSetsIt whether {@code statement_timeout} came from the script's {@code -- migrate:statement-timeout}
   */
  static String why(ScriptFailed failure, TableLockWait wait, boolean scriptSetsIt) {
    String server = failure.getCause().getMessage() == null ? ""
        : failure.getCause().getMessage().toLowerCase(Locale.ROOT);
    if (server.contains("statement timeout")) {
      if (wait.statementTimeout() == null) {
        return "the statement ran longer than the statement_timeout the script sets itself; not retried";
      }
      String where = scriptSetsIt ? "by -- migrate:statement-timeout in the script"
          : "for the run by MIGRATE_STATEMENT_TIMEOUT";
      return "the statement ran longer than statement_timeout " + TableLockWait.say(wait.statementTimeout()) + ", set "
          + where + "; not retried: raise it there, or make the statement faster";
    }
    if (server.contains("copy")) {
      return "the server refused the COPY data; not retried";
    }
    return "the statement was cancelled by a user (pg_cancel_backend or Ctrl-C), not by a time-out; not retried";
  }
}
