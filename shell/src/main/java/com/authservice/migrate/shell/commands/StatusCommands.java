package com.authservice.migrate.shell.commands;

import com.authservice.migrate.environment.AcrossEnvironments;
import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.environment.EnvironmentStatus;
import com.authservice.migrate.environment.StatusMatrix;
import com.authservice.migrate.result.MigrationDetail;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.result.ValidationReport;
import com.authservice.migrate.shell.render.StatusView;
import com.authservice.migrate.shell.render.Style;
import com.authservice.migrate.shell.render.Table;
import com.authservice.migrate.shell.render.json.ChangelogJson;
import com.authservice.migrate.shell.render.json.EnvironmentJson;
import com.authservice.migrate.shell.render.json.JsonOutput;
import com.authservice.migrate.shell.render.json.StatusJson;
import com.authservice.migrate.shell.run.GateFailed;
import com.authservice.migrate.shell.session.ConsoleSession;
import java.io.PrintWriter;
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
          Usage: status [--all] [--fail-on STATES] [--fleet NAME [--parallel N]]
            status             the target database: id, applied at, description, state
            status --all       every environment side by side (or --env a,b,c status)
            status --fail-on modified,missing   exit 1 when a migration is in one of these states
                               (pending, modified, missing, out-of-order; with --all an unreachable
                               environment fails too): a gate for deploy pipelines
            status --fleet tenants   each migration and on how many members of the fleet it is applied,
                               then the members that are behind, failed or unreachable, by name""")
  public void status(
      @Option(longName = "all", defaultValue = "false", description = "every environment side by side") Boolean all,
      @Option(longName = "fail-on", description = "exit 1 for any of: " + FailOn.ACCEPTED) String failOn,
      @Option(longName = "fleet", description = FleetCommands.FLEET) String fleet,
      @Option(longName = "parallel", description = FleetCommands.PARALLEL) Integer parallel,
      CommandContext context) {
    FailOn gate = FailOn.parse(failOn);
    FleetCommands.FleetOptions fleetOptions = new FleetCommands.FleetOptions(fleet, parallel, false);
    if (fleetOptions.requested()) {
      fleets.status(fleetOptions, all, context.outputWriter());
      return;
    }
    List<Environment> several = session.severalEnvironments(all);
    if (!several.isEmpty()) {
      gate.check(matrix(several, all ? session.environments().unusable() : Map.of(), gate, context));
      return;
    }
    StatusReport status = session.migrations().status();
    if (JsonOutput.wanted(context)) {
      JsonOutput.write(context, StatusJson.status(status, session.target(), gate.labels()));
    } else {
      context.outputWriter().print(StatusView.render(status, session.target(), style()));
    }
    gate.check(status);
  }

  @Command(name = "current", group = "Inspect", description = "The newest applied migration (Alembic's current)",
      help = """
          Usage: current
            current            the id and description the database is at, and what is waiting""")
  public void current(CommandContext context) {
    StatusReport status = session.migrations().current();
    if (JsonOutput.wanted(context)) {
      JsonOutput.write(context, StatusJson.current(status, session.target()));
      return;
    }
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
    if (JsonOutput.wanted(context)) {
      JsonOutput.write(context, StatusJson.history(history, session.target(), verbose));
      return;
    }
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
    if (JsonOutput.wanted(context)) {
      JsonOutput.write(context, StatusJson.show(detail, session.target()));
      return;
    }
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

  @Command(name = "validate", group = "Inspect",
      description = "Exit 1 unless the scripts and the changelog agree (a CI gate)", help = """
          Usage: validate
            validate           exit 0 when no applied script was edited, no applied migration lacks its script
                               and every script is well formed; 1 with each problem listed (Flyway's validate).
          It reads the scripts and the changelog only: no lock, nothing changed, not even on an empty database.""")
  public void validate(CommandContext context) {
    ValidationReport report = session.migrations().validate();
    PrintWriter out = context.outputWriter();
    if (JsonOutput.wanted(context)) {
      JsonOutput.write(context, ChangelogJson.validate(report, session.target()));
    } else if (report.isValid()) {
      out.println(report.scripts() + " script(s) agree with the changelog of " + session.target() + ".");
    } else {
      out.println(report.problems().size() + " problem(s) between the scripts and the changelog of "
          + session.target() + ":");
      report.problems().forEach(problem -> out.println("  - " + problem.kind().label() + ": " + problem.message()));
    }
    if (!report.isValid()) {
      throw new GateFailed("validate found " + report.problems().size() + " problem(s)");
    }
  }

  /** {@code unusable}: environment files that give no connection, shown with their reason. */
  private StatusMatrix matrix(List<Environment> environments, Map<String, String> unusable, FailOn gate,
      CommandContext context) {
    StatusMatrix matrix = new AcrossEnvironments(env -> session.config(env, false)).status(environments);
    if (JsonOutput.wanted(context)) {
      JsonOutput.write(context, EnvironmentJson.matrix(matrix, unusable, gate.labels()));
      return matrix;
    }
    PrintWriter out = context.outputWriter();
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
    return matrix;
  }

  private static String pendingNote(EnvironmentStatus column) {
    int pending = column.count(State.PENDING) + column.count(State.OUT_OF_ORDER);
    return pending == 0 ? "" : " (" + pending + " script(s) not applied anywhere)";
  }

  private Style style() {
    return new Style(session.launch().terminal());
  }
}
