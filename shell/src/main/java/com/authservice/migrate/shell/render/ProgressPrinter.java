package com.authservice.migrate.shell.render;

import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.lint.LintReport;
import com.authservice.migrate.tablelock.TableLockWait;
import com.authservice.migrate.result.Blocker;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.LockTimedOut;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.shell.launch.LaunchContext;
import com.authservice.migrate.shell.cli.CommandOutput;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.stream.Collectors;

/**
 * Shows a run as it goes: on a terminal, one line rewritten in place with how many are done of how
 * many and which migration runs; otherwise one line per migration, which logs read well.
 */
public final class ProgressPrinter implements RunListener {

  private static final int MANY = 3;

  private final PrintWriter out;
  private final PrintStream err;
  private final boolean terminal;
  private Direction direction = Direction.UP;
  private boolean inPlace;

  public ProgressPrinter(PrintWriter out, PrintStream err, boolean terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /** Progress for a command writing to {@code out}; in JSON mode stdout holds only the document, so stderr. */
  public static ProgressPrinter of(PrintWriter out, LaunchContext launch) {
    PrintWriter shown = CommandOutput.json(out) ? new PrintWriter(launch.err(), true) : out;
    return new ProgressPrinter(shown, launch.err(), launch.terminal());
  }

  @Override
  public void waitingForLock(String holder) {
    err.println("Waiting for another migration run, " + holder + " ...");
  }

  @Override
  public void linted(LintReport report) {
    err.print(LintView.warnings(report, new Style(terminal)));
    err.flush();
  }

  @Override
  public void lockTimedOut(LockTimedOut timeout) {
    err.println(timeout.migration().fileName() + " could not get its locks within " + TableLockWait.say(timeout.waited())
        + " (attempt " + timeout.attempt() + " of " + timeout.attempts() + "), rolled back; "
        + (timeout.blockers().isEmpty() ? "the blocker has ended" : "blocked by "
            + timeout.blockers().stream().map(Blocker::toString).collect(Collectors.joining("; ")))
        + "; retrying in " + TableLockWait.say(timeout.retryIn()));
    err.flush();
  }

  @Override
  public void started(Direction direction, int total) {
    this.direction = direction;
    this.inPlace = terminal && total > MANY;
  }

  @Override
  public void migrationStarting(Migration migration, int done, int total) {
    String verb = direction == Direction.UP ? "Applying" : "Undoing";
    if (inPlace) {
      out.print("\r\u001B[2K[" + (done + 1) + "/" + total + "] " + verb + " " + migration.fileName());
      out.flush();
    } else {
      out.println(verb + " " + migration.fileName());
      out.flush();
    }
  }

  @Override
  public void changelogCreated(String table) {
    out.println("No script creates the changelog table: created MyBatis' " + table + " before the first migration.");
    out.flush();
  }

  @Override
  public void migrationFailed(Migration migration, String error) {
    if (inPlace) {
      out.print("\r\u001B[2K");
      out.flush();
    }
    err.println("Failed (rolled back, going on because of --force): " + error);
  }

  @Override
  public void migrationFinished(Migration migration, int done, int total) {
    if (inPlace && done == total) {
      out.print("\r\u001B[2K");
      out.flush();
    }
  }
}
