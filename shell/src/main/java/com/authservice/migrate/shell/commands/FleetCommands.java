package com.authservice.migrate.shell.commands;

import com.authservice.migrate.Migrations;
import com.authservice.migrate.fleet.Fleet;
import com.authservice.migrate.fleet.FleetListener;
import com.authservice.migrate.fleet.FleetResult;
import com.authservice.migrate.fleet.FleetRun;
import com.authservice.migrate.fleet.FleetStatus;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.result.StampResult;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.shell.render.FleetProgress;
import com.authservice.migrate.shell.cli.UsageError;
import com.authservice.migrate.shell.session.ConsoleSession;
import com.authservice.migrate.shell.view.FleetChanged;
import com.authservice.migrate.shell.view.RunShown;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The {@code --fleet} side of status, up, down, version and stamp: the same command on every member of a fleet
 * ({@code fleets/<name>.properties}), several at a time, with a progress bar on a terminal and a summary at the
 * end. Exits 1 when any member was not migrated; running the command again continues where it stopped.
 */
final class FleetCommands {

  private final ConsoleSession session;

  FleetCommands(ConsoleSession session) {
    this.session = session;
  }

  /** {@code all}: {@code --all} was given too, which a fleet does not combine with. */
  FleetStatus status(FleetOptions options, boolean all) {
    Fleet fleet = fleet(options, all);
    FleetResult<StatusReport> result = run(fleet, options, false, false, false)
        .read(Migrations::status, FleetListener.NONE);
    return FleetStatus.of(result);
  }

  /** up, down or version on every member; {@code action} says what it does, for the protected fleet's question. */
  FleetChanged<RunResult> migrate(FleetOptions options, boolean all, boolean yes, boolean ignoreModified,
      boolean strict, String action, Function<Migrations, RunResult> operation) {
    return change(fleet(options, all), options, yes, ignoreModified, strict, action, migrations -> {
      RunResult result = operation.apply(migrations);
      RunShown.firstFailure(List.of(result)).ifPresent(failure -> {
        throw failure;
      });
      return result;
    }, FleetCommands::label, result -> result.migrations().size());
  }

  FleetChanged<StampResult> stamp(FleetOptions options, boolean yes, String target, boolean dropAlembicTable) {
    return change(fleet(options, false), options, yes, false, false, "Stamping the changelog at " + target,
        migrations -> migrations.stamp(target, dropAlembicTable), result -> "stamped",
        (StampResult result) -> result.marked().size());
  }

  private <T> FleetChanged<T> change(Fleet fleet, FleetOptions options, boolean yes, boolean ignoreModified,
      boolean strict, String action, Function<Migrations, T> operation, Function<T, String> label,
      ToIntFunction<T> migrations) {
    FleetResult<T> result = run(fleet, options, yes, ignoreModified, strict).change(action, operation,
        new FleetProgress(session.launch().err(), session.launch().terminal() && !session.options().quiet(),
            fleet.kind().word()));
    return new FleetChanged<>(result, label, migrations);
  }

  private FleetRun run(Fleet fleet, FleetOptions options, boolean yes, boolean ignoreModified, boolean strict) {
    return new FleetRun(fleet, RunCommands.strict(session.config(fleet, yes).ignoringModified(ignoreModified), strict),
        options.parallel(), options.failFast(), yes).cancellableBy(session.cancellation());
  }

  private Fleet fleet(FleetOptions options, boolean all) {
    if (all || session.options().environments().size() > 1) {
      throw new UsageError("--fleet runs on the fleet's members: leave out --all and --env with several names");
    }
    return session.fleets().named(options.fleet());
  }

  private static String label(RunResult result) {
    if (result.changedNothing()) {
      return result.direction() == Direction.UP ? "up to date" : "nothing to undo";
    }
    return result.direction() == Direction.UP ? "applied" : "undone";
  }
}
