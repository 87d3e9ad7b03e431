package com.authservice.migrate.run;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;

/**
 * A request, from another thread (a Ctrl-C or a signal handler), to stop a run: the statement in flight is
 * cancelled on the server (pgjdbc's cancel request, sent over a connection of its own), and the run stops
 * before its next statement or migration. The run's connection closes as usual, which releases the migration
 * lock. One token per command: once requested, it stays requested.
 */
public final class Cancellation {

  private volatile boolean requested;
  private volatile Connection connection;

  /** A token nobody cancels, for callers that have no way to ask. */
  public static Cancellation none() {
    return new Cancellation();
  }

  public void cancel() {
    requested = true;
    Connection running = connection;
    if (running != null) {
      try {
        running.unwrap(PGConnection.class).cancelQuery();
      } catch (SQLException goneAlready) {
        // The connection is closed or broken: there is no statement left to cancel.
      }
    }
  }

  public boolean requested() {
    return requested;
  }

  /** The connection whose statements {@link #cancel()} cancels, until {@link #detach()}. */
  public void attach(Connection running) {
    connection = running;
  }

  public void detach() {
    connection = null;
  }
}
