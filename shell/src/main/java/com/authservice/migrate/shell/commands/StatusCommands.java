package com.authservice.migrate.shell.commands;

import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.environment.EnvironmentStatus;
import com.authservice.migrate.environment.MatrixReader;
import com.authservice.migrate.environment.StatusMatrix;
import com.authservice.migrate.result.MigrationDetail;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.shell.render.StatusView;
import com.authservice.migrate.shell.render.Style;
import com.authservice.migrate.shell.render.Table;
import com.authservice.migrate.shell.session.ConsoleSession;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/** Read-only commands: they take no lock and change nothing. */
public class StatusCommands {

  private final ConsoleSession session;
  private final FleetCommands fleets;

  public StatusCommands(ConsoleSession session) {
    this.session = session;
    this.fleets = new FleetCommands(session);
  }

  @Command(name = "status", group = "Inspect", description = "Every migration with its state: applied, pending, ...",
      help = """
          Usage: status [--all] [--fleet NAME [--parallel N]]
            status             the target database: id, applied at, description, state
            status --all       every environment side by side (or --env a,b,c status)
            status --fleet tenants   each migration and on how many members of the fleet it is applied,
                               then the members that are behind, failed or unreachable, by name""")
  public void status(
      @Option(longName = "all", defaultValue = "false", description = "every environment side by side") Boolean all,
      @Option(longName = "fleet", description = FleetCommands.FLEET) String fleet,
      @Option(longName = "parallel", description = FleetCommands.PARALLEL) Integer parallel,
      CommandContext context) {
    FleetCommands.FleetOptions fleetOptions = new FleetCommands.FleetOptions(fleet, parallel, false);
    if (fleetOptions.requested()) {
      fleets.status(fleetOptions, all, context.outputWriter());
      return;
    }
    List<Environment> several = session.severalEnvironments(all);
    if (!several.isEmpty()) {
      matrix(several, all ? session.environments().unusable() : Map.of(), context.outputWriter());
      return;
    }
    StatusReport status = session.migrations().status();
    context.outputWriter().print(StatusView.render(status, session.target(), style()));
  }

  @Command(name = "current", group = "Inspect", description = "The newest applied migration (Alembic's current)",
      help = """
          Usage: current
            current            the id and description the database is at, and what is waiting""")
  public void current(CommandContext context) {
    StatusReport status = session.migrations().current();
    PrintWriter out = context.outputWriter();
    out.println(status.current().map(m -> m.id() + " " + m.description() + " (" + session.target() + ")")
        .orElse("Empty database: no migration applied on " + session.target() + "."));
    int pending = status.inState(State.PENDING).size();
    int outOfOrder = status.inState(State.OUT_OF_ORDER).size();
    if (pending > 0) {
      out.println(pending + " pending: run `up` to apply.");
    }
    if (outOfOrder > 0) {
      out.println(outOfOrder + " out of order (older than the current one): run `pending` to apply.");
    }
    if (pending == 0 && outOfOrder == 0 && status.current().isPresent()) {
      out.println("(head)");
    }
  }

  @Command(name = "history", group = "Inspect", description = "All migrations, newest first, applied or not",
      completionProvider = "targetOptionCompletion", help = """
          Usage: history [--verbose] [--range FROM:TO]
            history                      every migration, newest first
            history --verbose            also the file, applied-at time and first lines of each script
            history --range 20251001:head   only that range (base, head, current or id prefixes)""")
  public void history(
      @Option(longName = "verbose", shortName = 'v', defaultValue = "false", description = "file, time, first lines")
      Boolean verbose, @Option(longName = "range", shortName = 'r', description = "FROM:TO") String range,
      CommandContext context) {
    List<MigrationDetail> history = session.migrations().history(range);
    PrintWriter out = context.outputWriter();
    Style style = style();
    for (MigrationDetail detail : history) {
      MigrationState state = detail.state();
      out.println(state.id() + "  " + state.description() + "  [" + StatusView.state(state.state(), style) + "]");
      if (verbose) {
        out.println("    file:       " + state.fileName().orElse("(missing)"));
        out.println("    applied at: " + state.appliedAt().orElse("-"));
        detail.firstLines(3).forEach(line -> out.println("    | " + line));
      }
    }
    if (history.isEmpty()) {
      out.println("No migrations in that range.");
    }
  }

  @Command(name = "show", group = "Inspect", description = "One migration's up and undo SQL and its state",
      completionProvider = "migrationIdCompletion", help = """
          Usage: show <ID>
            show 20251015      the script's SQL, its undo SQL and whether it is applied (a unique prefix works)""")
  public void show(@Argument(index = 0, description = "migration id or unique prefix") String id,
      CommandContext context) {
    MigrationDetail detail = session.migrations().show(RunCommands.required(id, "show needs a migration id"));
    PrintWriter out = context.outputWriter();
    MigrationState state = detail.state();
    out.println(state.id() + " " + state.description() + " [" + StatusView.state(state.state(), style()) + "]"
        + state.appliedAt().map(at -> " applied " + at).orElse(""));
    out.println("file: " + state.fileName().orElse("(missing)"));
    out.println("-- up");
    out.println(detail.upSql().strip());
    out.println("-- undo");
    out.println(detail.undoSql().strip());
  }

  /** {@code unusable}: environment files that give no connection, shown with their reason. */
  private void matrix(List<Environment> environments, Map<String, String> unusable, PrintWriter out) {
    StatusMatrix matrix = new MatrixReader(session.scripts(), Duration.ofSeconds(10), 4).read(environments);
    Style style = style();
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
    out.print(table.render(style));
    out.println();
    for (StatusMatrix.Summary summary : matrix.summaries()) {
      EnvironmentStatus column = summary.column();
      String name = column.environment().name();
      if (column.unreachable().isPresent()) {
        out.println(name + " is unreachable: " + column.unreachable().get());
      } else if (summary.reference().isPresent() && summary.behind() > 0) {
        out.println(name + " is " + summary.behind() + " behind " + summary.reference().get());
      } else {
        out.println(name + " is up to date with the others" + pendingNote(column));
      }
    }
    unusable.forEach((name, reason) -> out.println(name + " cannot be used: " + reason));
    out.println(matrix.inSync() && unusable.isEmpty() ? "All environments are in sync."
        : "Environments are NOT in sync.");
  }

  private static String pendingNote(EnvironmentStatus column) {
    int pending = column.count(State.PENDING) + column.count(State.OUT_OF_ORDER);
    return pending == 0 ? "" : " (" + pending + " script(s) not applied anywhere)";
  }

  private Style style() {
    return new Style(session.launch().terminal());
  }
}
