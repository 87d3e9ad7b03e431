package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.environment.EnvironmentStatus;
import com.authservice.migrate.environment.StatusMatrix;
import com.authservice.migrate.result.MigrationDetail;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.shell.render.RepeatableView;
import com.authservice.migrate.shell.render.StatusView;
import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.shell.render.Table;
import com.authservice.migrate.shell.render.json.ChangelogJson;
import com.authservice.migrate.shell.render.json.EnvironmentJson;
import com.authservice.migrate.shell.render.json.RepeatableJson;
import com.authservice.migrate.shell.render.json.StatusJson;
import java.util.ArrayList;
import java.util.List;

/** The views of the read-only commands: status (one target or the matrix), current, history, show, validate. */
final class StatusViews {

  private StatusViews() {
  }

  static List<View<?>> all() {
    return List.of(
        View.of(StatusShown.class, (shown, style) -> StatusView.render(shown.status(), shown.target(), style)
                + RepeatableView.render(shown.repeatables(), style),
            shown -> RepeatableJson.with(StatusJson.status(shown.status(), shown.target(), shown.gate().labels()),
                shown.repeatables())),
        View.of(MatrixShown.class, StatusViews::matrix,
            shown -> EnvironmentJson.matrix(shown.matrix(), shown.unusable(), shown.gate().labels())),
        View.of(CurrentShown.class, StatusViews::current,
            shown -> StatusJson.current(shown.status(), shown.target())),
        View.of(HistoryShown.class, StatusViews::history,
            shown -> RepeatableJson.with(StatusJson.history(shown.history(), shown.target(), shown.verbose()),
                shown.repeatables())),
        View.of(MigrationShown.class, StatusViews::migration,
            shown -> StatusJson.show(shown.detail(), shown.target())),
        View.of(Validated.class, StatusViews::validated,
            validated -> ChangelogJson.validate(validated.report(), validated.target())));
  }

  private static String current(CurrentShown shown, Style style) {
    StatusReport status = shown.status();
    StringBuilder text = new StringBuilder(status.current()
        .map(m -> m.id() + " " + m.description() + " (" + shown.target() + ")")
        .orElse("Empty database: no migration applied on " + shown.target() + ".")).append('\n');
    int pending = status.inState(State.PENDING).size();
    int outOfOrder = status.inState(State.OUT_OF_ORDER).size();
    if (pending > 0) {
      text.append(pending).append(" pending: run `up` to apply.\n");
    }
    if (outOfOrder > 0) {
      text.append(outOfOrder).append(" out of order (older than the current one): run `pending` to apply.\n");
    }
    if (pending == 0 && outOfOrder == 0 && status.current().isPresent()) {
      text.append("(head)\n");
    }
    return text.toString();
  }

  private static String history(HistoryShown shown, Style style) {
    StringBuilder text = new StringBuilder();
    for (MigrationDetail detail : shown.history()) {
      MigrationState state = detail.state();
      text.append(state.id()).append("  ").append(state.description()).append("  [")
          .append(StatusView.state(state.state(), style)).append("]\n");
      if (shown.verbose()) {
        text.append("    file:       ").append(state.fileName().orElse("(missing)")).append('\n');
        text.append("    applied at: ").append(state.appliedAt().orElse("-")).append('\n');
        detail.firstLines(3).forEach(line -> text.append("    | ").append(line).append('\n'));
      }
    }
    if (shown.history().isEmpty()) {
      text.append("No migrations in that range.\n");
    }
    return text.append(RepeatableView.render(shown.repeatables(), style)).toString();
  }

  private static String migration(MigrationShown shown, Style style) {
    MigrationState state = shown.detail().state();
    return state.id() + " " + state.description() + " [" + StatusView.state(state.state(), style) + "]"
        + state.appliedAt().map(at -> " applied " + at).orElse("") + "\n"
        + "file: " + state.fileName().orElse("(missing)") + "\n"
        + "-- up\n" + shown.detail().upSql().strip() + "\n"
        + "-- undo\n" + shown.detail().undoSql().strip() + "\n";
  }

  private static String validated(Validated validated, Style style) {
    if (validated.report().isValid()) {
      return validated.report().scripts() + " script(s) agree with the changelog of " + validated.target() + ".\n";
    }
    StringBuilder text = new StringBuilder(validated.report().problems().size()
        + " problem(s) between the scripts and the changelog of " + validated.target() + ":\n");
    validated.report().problems().forEach(problem -> text.append("  - ").append(problem.kind().label()).append(": ")
        .append(problem.message()).append('\n'));
    return text.toString();
  }

  private static String matrix(MatrixShown shown, Style style) {
    StatusMatrix matrix = shown.matrix();
    List<String> headers = new ArrayList<>(List.of("ID", "Description"));
    matrix.columns().forEach(column -> headers.add(column.environment().name()));
    Table table = new Table(headers.toArray(String[]::new));
    for (StatusMatrix.Row row : matrix.rows()) {
      List<String> cells = new ArrayList<>(List.of(row.id().toString(), row.description()));
      for (EnvironmentStatus column : matrix.columns()) {
        cells.add(column.unreachable().isPresent() ? style.red("unreachable")
            : column.stateOf(row.id()).map(s -> StatusView.state(s, style)).orElse("-"));
      }
      table.row(cells.toArray(String[]::new));
    }
    StringBuilder text = new StringBuilder(table.render(style)).append('\n');
    for (StatusMatrix.Summary summary : matrix.summaries()) {
      EnvironmentStatus column = summary.column();
      String name = column.environment().name();
      if (column.unreachable().isPresent()) {
        text.append(name).append(" is unreachable: ").append(column.unreachable().get()).append('\n');
      } else if (summary.reference().isPresent() && summary.behind() > 0) {
        text.append(name).append(" is ").append(summary.behind()).append(" behind ")
            .append(summary.reference().get()).append('\n');
      } else {
        text.append(name).append(" is up to date with the others").append(pendingNote(column)).append('\n');
      }
    }
    shown.unusable().forEach((name, reason) -> text.append(name).append(" cannot be used: ").append(reason)
        .append('\n'));
    return text.append(matrix.inSync() && shown.unusable().isEmpty() ? "All environments are in sync."
        : "Environments are NOT in sync.").append('\n').toString();
  }

  private static String pendingNote(EnvironmentStatus column) {
    int pending = column.count(State.PENDING) + column.count(State.OUT_OF_ORDER);
    return pending == 0 ? "" : " (" + pending + " script(s) not applied anywhere)";
  }
}
