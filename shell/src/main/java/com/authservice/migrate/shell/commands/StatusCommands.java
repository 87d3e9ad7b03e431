package com.authservice.migrate.shell.commands;

import com.authservice.migrate.Migrations;
import com.authservice.migrate.environment.AcrossEnvironments;
import com.authservice.migrate.shell.commands.FleetOptions.TakesFleet;
import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.environment.StatusMatrix;
import com.authservice.migrate.shell.session.ConsoleSession;
import com.authservice.migrate.shell.view.CurrentShown;
import com.authservice.migrate.shell.view.FailOn;
import com.authservice.migrate.shell.view.HistoryShown;
import com.authservice.migrate.shell.view.MatrixShown;
import com.authservice.migrate.shell.view.MigrationShown;
import com.authservice.migrate.shell.view.StatusShown;
import com.authservice.migrate.shell.view.Validated;
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

  @TakesFleet(failFast = false)
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
  public Object status(
      @Option(longName = "all", defaultValue = "false", description = "every environment side by side") Boolean all,
      @Option(longName = "fail-on", description = "exit 1 for any of: " + FailOn.ACCEPTED) String failOn,
      CommandContext context) {
    FailOn gate = FailOn.parse(failOn);
    FleetOptions fleetOptions = FleetOptions.of(context);
    if (fleetOptions.requested()) {
      return fleets.status(fleetOptions, all);
    }
    List<Environment> several = session.severalEnvironments(all);
    if (!several.isEmpty()) {
      StatusMatrix matrix = new AcrossEnvironments(env -> session.config(env, false)).status(several);
      return new MatrixShown(matrix, all ? session.environments().unusable() : Map.of(), gate);
    }
    Migrations migrations = session.migrations();
    return new StatusShown(migrations.status(), session.target(), gate, migrations.repeatables());
  }

  @Command(name = "current", group = "Inspect", description = "The newest applied migration (Alembic's current)",
      help = """
          Usage: current
            current            the id and description the database is at, and what is waiting""")
  public CurrentShown current() {
    return new CurrentShown(session.migrations().current(), session.target());
  }

  @Command(name = "history", group = "Inspect", description = "All migrations, newest first, applied or not",
      completionProvider = "targetOptionCompletion", help = """
          Usage: history [--verbose] [--range FROM:TO]
            history                      every migration, newest first
            history --verbose            also the file, applied-at time and first lines of each script
            history --range 20251001:head   only that range (base, head, current or id prefixes)""")
  public HistoryShown history(
      @Option(longName = "verbose", shortName = 'v', defaultValue = "false", description = "file, time, first lines")
      Boolean verbose, @Option(longName = "range", shortName = 'r', description = "FROM:TO") String range) {
    Migrations migrations = session.migrations();
    // Repeatable scripts have no id: they belong to the whole history, not to a range of it.
    return new HistoryShown(migrations.history(range), session.target(), verbose,
        range == null || range.isBlank() ? migrations.repeatables() : List.of());
  }

  @Command(name = "show", group = "Inspect", description = "One migration's up and undo SQL and its state",
      completionProvider = "migrationIdCompletion", help = """
          Usage: show <ID>
            show 20251015      the script's SQL, its undo SQL and whether it is applied (a unique prefix works)""")
  public MigrationShown show(@Argument(index = 0, description = "migration id or unique prefix") String id) {
    return new MigrationShown(session.migrations().show(RunCommands.required(id, "show needs a migration id")),
        session.target());
  }

  @Command(name = "validate", group = "Inspect",
      description = "Exit 1 unless the scripts and the changelog agree (a CI gate)", help = """
          Usage: validate
            validate           exit 0 when no applied script was edited, no applied migration lacks its script
                               and every script is well formed; 1 with each problem listed (Flyway's validate).
          It reads the scripts and the changelog only: no lock, nothing changed, not even on an empty database.""")
  public Validated validate() {
    return new Validated(session.migrations().validate(), session.target());
  }
}
