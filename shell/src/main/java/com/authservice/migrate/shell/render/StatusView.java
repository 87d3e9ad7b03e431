package com.authservice.migrate.shell.render;

import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;

/** {@code status} as a table plus the hints that name the fix. */
public final class StatusView {

  private StatusView() {
  }

  public static String render(StatusReport status, String target, Style style) {
    Table table = new Table("ID", "Applied At", "Description", "State");
    for (MigrationState migration : status.migrations()) {
      table.row(migration.id().toString(), migration.appliedAt().orElse("..."), migration.description(),
          state(migration.state(), style));
    }
    StringBuilder text = new StringBuilder(table.render(style));
    int pending = status.inState(State.PENDING).size();
    text.append('\n').append(target).append(": ").append(status.appliedCount()).append(" applied, ")
        .append(pending).append(" pending").append(status.current()
            .map(c -> "; current " + c.id() + " (" + c.description() + ")").orElse("; nothing applied yet"))
        .append('\n');
    if (!status.inState(State.OUT_OF_ORDER).isEmpty()) {
      text.append(style.yellow(status.inState(State.OUT_OF_ORDER).size()
          + " script(s) older than the newest applied migration were never applied (out of order): "
          + "run `pending` to apply them.")).append('\n');
    }
    if (!status.inState(State.MODIFIED).isEmpty()) {
      text.append(style.red("Applied scripts were edited since they ran: restore them, or accept them with `repair`."))
          .append('\n');
    }
    if (!status.inState(State.MISSING).isEmpty()) {
      text.append(style.red("Applied migrations have no script (Can't locate revision): pull the latest scripts, "
          + "or record them as deleted with `repair`."))
          .append('\n');
    }
    return text.toString();
  }

  public static String state(State state, Style style) {
    return switch (state) {
      case APPLIED -> style.green("applied");
      case PENDING -> style.yellow("pending");
      case OUT_OF_ORDER -> style.yellow("out of order");
      case MODIFIED -> style.red("modified");
      case MISSING -> style.red("missing");
      case DELETED -> style.yellow("deleted");
    };
  }
}
