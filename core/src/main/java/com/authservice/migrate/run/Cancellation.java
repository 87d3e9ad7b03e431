package com.authservice.migrate.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;

/**
 * A request, from another thread (a Ctrl-C or a signal handler), to stop a run: the statement in flight is
 * cancelled on the server (pgjdbc's cancel request, sent over a connection of its own), and the run stops
 * before its next statement or migration. The run's connection closes as usual, which releases the migration
 * lock. One token per command: once requested, it stays requested. A command on several targets gives each
 * target's run a token of its own ({@link #forOneOfSeveral()}): the runs go on at once, each on its own connection.
 */
public final class Cancellation {

  private final Cancellation parent;
  /** The {@link #forOneOfSeveral()} tokens whose run has a connection attached now. */
  private final List<Cancellation> children = new CopyOnWriteArrayList<>();
  private volatile boolean requested;
  private volatile Connection connection;

  public Cancellation() {
    this(null);
  }

  private Cancellation(Cancellation parent) {
    this.parent = parent;
  }

  /** A token nobody cancels, for callers that have no way to ask. */
  public static Cancellation none() {
    return new Cancellation();
  }

  /**
   * A token for one of the several runs this one stops (a fleet's member, one environment of {@code up --all}):
   * cancelling this one cancels the statement in flight on every such run's connection.
   */
  public Cancellation forOneOfSeveral() {
    return new Cancellation(this);
  }

  public void cancel() {
    requested = true;
    children.forEach(Cancellation::cancel);
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
    return requested || parent != null && parent.requested();
  }

  /** The connection whose statements {@link #cancel()} cancels, until {@link #detach()}. */
  public void attach(Connection running) {
    connection = running;
    if (parent != null) {
      // Only runs in progress are tracked: a REPL session's token outlives many commands on many targets.
      parent.children.add(this);
    }
  }

  public void detach() {
    connection = null;
    if (parent != null) {
      parent.children.remove(this);
    }
  }
}
