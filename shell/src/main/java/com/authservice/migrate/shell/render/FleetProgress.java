package com.authservice.migrate.shell.render;

import com.authservice.migrate.fleet.FleetListener;
import com.authservice.migrate.targets.MemberResult;
import java.io.PrintStream;

/**
 * A fleet run's progress bar, on standard error and only on a terminal (not with --quiet): members done of all,
 * and how many failed.
 * Redrawn in place, so a thousand members take one line; standard output keeps only the summary.
 */
public final class FleetProgress implements FleetListener {

  private static final int WIDTH = 30;

  private final PrintStream err;
  private final boolean terminal;
  private final String members;

  /** {@code members}: what the members are called ({@code schemas}, {@code databases}). */
  public FleetProgress(PrintStream err, boolean terminal, String members) {
    this.err = err;
    this.terminal = terminal;
    this.members = members;
  }

  @Override
  public void memberFinished(MemberResult<?> result, int done, int failed, int total) {
    if (!terminal) {
      return;
    }
    int filled = total == 0 ? WIDTH : done * WIDTH / total;
    err.print("\r\u001B[2K[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + FleetView.count(done) + "/"
        + FleetView.count(total) + " " + members + (failed > 0 ? ", " + FleetView.count(failed) + " failed" : ""));
    if (done == total) {
      err.print("\r\u001B[2K");
    }
    err.flush();
  }
}
