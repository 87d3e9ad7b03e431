package com.authservice.migrate.shell.cli;

import java.time.Duration;
import sun.misc.Signal;

/**
 * SIGINT (Ctrl-C) and SIGTERM stop the command, not the JVM outright: the statement in flight is cancelled on the
 * server and the command reports what was rolled back or stays (core's {@code Cancellation}); the process then
 * exits with the code a shell gives the signal, 130 or 143. A command that has not stopped within {@link #GRACE}
 * (one that never reaches a point where it looks) is ended then, as the signal itself would have ended it.
 */
public final class StopSignals {

  static final int INTERRUPTED = 130;
  static final int TERMINATED = 143;
  private static final Duration GRACE = Duration.ofSeconds(10);

  private final Runnable cancel;
  private volatile int exitCode;

  private StopSignals(Runnable cancel) {
    this.cancel = cancel;
  }

  /** For batch mode; the REPL's line editor owns Ctrl-C there, and a SIGTERM ends the REPL as before. */
  public static StopSignals install(Runnable cancel) {
    StopSignals signals = new StopSignals(cancel);
    signals.handle("INT", INTERRUPTED);
    signals.handle("TERM", TERMINATED);
    return signals;
  }

  /** 130 or 143 once a signal came, else 0. */
  public int exitCode() {
    return exitCode;
  }

  private void handle(String name, int code) {
    Signal.handle(new Signal(name), signal -> {
      if (exitCode != 0) {
        // A second Ctrl-C: the user does not want to wait for the first to finish.
        Runtime.getRuntime().halt(exitCode);
      }
      exitCode = code;
      cancel.run();
      Thread deadline = new Thread(() -> {
        try {
          Thread.sleep(GRACE.toMillis());
        } catch (InterruptedException e) {
          return;
        }
        System.exit(code);
      }, "stop-signal-deadline");
      deadline.setDaemon(true);
      deadline.start();
    });
  }
}
