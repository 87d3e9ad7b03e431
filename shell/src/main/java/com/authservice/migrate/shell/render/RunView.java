package com.authservice.migrate.shell.render;

import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.RunResult;

/** The one-line outcome of up, down, version and pending. */
public final class RunView {

  private RunView() {
  }

  public static String render(RunResult result, String target, Style style) {
    StringBuilder text = new StringBuilder();
    if (result.changedNothing() && result.failed().isEmpty()) {
      text.append(result.direction() == Direction.UP ? "Nothing to apply: " : "Nothing to undo: ")
          .append(target).append(" is already there.\n");
    } else {
      text.append(style.green((result.direction() == Direction.UP ? "Applied " : "Undid ")
          + result.migrations().size() + " migration(s)")).append(" on ").append(target)
          .append(String.format(" in %.2f s.%n", result.elapsed().toNanos() / 1e9));
    }
    if (!result.failed().isEmpty()) {
      text.append(style.red(result.failed().size() + " migration(s) failed and were rolled back (--force went on):"))
          .append('\n');
      result.failed().forEach(failure -> text.append("  ").append(failure.migration().fileName()).append('\n'));
    }
    if (!result.repeatables().isEmpty()) {
      text.append(style.green("Applied " + result.repeatables().size() + " repeatable script(s)")).append(": ")
          .append(String.join(", ", result.repeatables())).append('\n');
    }
    if (!result.outOfOrder().isEmpty()) {
      text.append(style.yellow(result.outOfOrder().size() + " older script(s) were skipped because a newer "
          + "migration is applied (out of order): run `pending` to apply them.")).append('\n');
    }
    return text.toString();
  }
}
