package com.authservice.migrate.shell.commands;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.shell.commands.FleetOptions.TakesFleet;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.environment.AcrossEnvironments;
import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.environment.EnvironmentRuns;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.shell.render.ProgressPrinter;
import com.authservice.migrate.shell.session.ConsoleSession;
import com.authservice.migrate.shell.view.EnvironmentsRan;
import com.authservice.migrate.shell.view.RunShown;
import com.authservice.migrate.shell.view.SqlScript;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/** The commands that move the database forwards and backwards. */
public class RunCommands {

  private static final String STRICT = "refuse to run when lint finds a problem or cannot parse a statement "
      + "(MIGRATE_LINT_STRICT=true does the same)";
  private static final String YES = "confirm without asking: undoing every migration, or a protected environment";

  private final ConsoleSession session;
  private final FleetCommands fleets;

  public RunCommands(ConsoleSession session) {
    this.session = session;
    this.fleets = new FleetCommands(session);
  }

  @TakesFleet
  @Command(name = "up", group = "Migrate", description = "Apply pending migrations: all, the next N, or up to --to",
      completionProvider = "targetOptionCompletion", help = """
          Usage: up [N] [--to TARGET] [--all] [--ignore-modified] [--yes] [--strict] [--fleet NAME [--parallel N] [--fail-fast]]
            up                 apply every pending migration (Alembic: upgrade head)
            up 1               apply only the next one (Alembic: upgrade +1); -1 is refused: down undoes
            up --to 20251015   apply up to and including that id (a unique prefix is enough)
          Always review a generated script (show <id>) before applying it.
          up --all (or --env a,b) migrates the environments one after the other, each under its own lock,
          stopping at the first failure; --all goes default, then the others, protected ones (production) last.
          up --fleet tenants migrates every member of the fleet, each under its own lock, N at a time; a member that
          fails stops no other (--fail-fast does); exit 1 when any failed; run it again to continue.""")
  public Object up(@Argument(index = 0, description = "how many migrations to apply (default: all), or a target")
      String steps,
      @Option(longName = "to", description = "a migration id (prefix) or head") String to,
      @Option(longName = "ignore-modified", defaultValue = "false",
          description = "run although applied scripts were edited")
      Boolean ignoreModified,
      @Option(longName = "yes", defaultValue = "false", description = YES) Boolean yes,
      @Option(longName = "all", defaultValue = "false", description = "every environment, protected ones last")
      Boolean all,
      @Option(longName = "strict", defaultValue = "false", description = STRICT) Boolean strict,
      CommandContext context) {
    Target target = target(steps, to, Direction.UP, Target.head());
    FleetOptions fleetOptions = FleetOptions.of(context);
    if (fleetOptions.requested()) {
      return fleets.migrate(fleetOptions, all, yes, ignoreModified, strict, "Applying pending migrations",
          m -> m.up(target, RunListener.NONE));
    }
    List<Environment> several = session.severalEnvironments(all);
    if (!several.isEmpty()) {
      return upAcrossEnvironments(several, target, ignoreModified, yes, strict, context);
    }
    SchemaFileUpdate schemaFile = SchemaFileUpdate.before(session);
    RunShown shown = run(context, ignoreModified, yes, strict, m -> m.up(target, progress(context)));
    if (shown.failure().isEmpty()) {
      schemaFile.after();
    }
    return shown;
  }

  @TakesFleet
  @Command(name = "down", group = "Migrate", description = "Undo the newest migration, the newest N, or down to --to",
      completionProvider = "targetOptionCompletion", help = """
          Usage: down [N] [--to TARGET] [--yes] [--ignore-modified] [--fleet NAME [--parallel N] [--fail-fast]]
            down               undo the newest applied migration (Alembic: downgrade -1); +1 is refused
            down 2             undo the two newest
            down --to 20251001000100   undo everything newer than that id; it stays applied
            down --to base --yes       undo every migration: drops every table they made
          A run that would undo every applied migration (down 99 too) asks first; --yes in batch mode.
          With --fleet, on every member (see up); a member where it would undo everything needs --yes.""")
  public Object down(@Argument(index = 0, description = "how many migrations to undo (default: 1), or a target")
      String steps,
      @Option(longName = "to", description = "a migration id (prefix) or base") String to,
      @Option(longName = "yes", defaultValue = "false", description = YES) Boolean yes,
      @Option(longName = "ignore-modified", defaultValue = "false",
          description = "run although applied scripts were edited")
      Boolean ignoreModified,
      CommandContext context) {
    Target target = target(steps, to, Direction.DOWN, Target.steps(1));
    FleetOptions fleetOptions = FleetOptions.of(context);
    if (fleetOptions.requested()) {
      return fleets.migrate(fleetOptions, false, yes, ignoreModified, false, "Undoing migrations",
          m -> m.down(target, RunListener.NONE));
    }
    return run(context, ignoreModified, yes, false, m -> m.down(target, progress(context)));
  }

  @TakesFleet
  @Command(name = "version", group = "Migrate", description = "Go up or down until the given migration is the newest",
      completionProvider = "migrationIdCompletion", help = """
          Usage: version <ID> [--ignore-modified] [--yes] [--strict] [--fleet NAME [--parallel N] [--fail-fast]]
            version 20251001000100     up or down to exactly that migration (a unique id prefix works)
          An out-of-order id (older than the newest applied, never applied) is applied alone; nothing is undone.
          With --fleet, on every member (see up).""")
  public Object version(@Argument(index = 0, description = "migration id or unique prefix") String id,
      @Option(longName = "ignore-modified", defaultValue = "false",
          description = "run although applied scripts were edited")
      Boolean ignoreModified,
      @Option(longName = "yes", defaultValue = "false", description = YES) Boolean yes,
      @Option(longName = "strict", defaultValue = "false", description = STRICT) Boolean strict,
      CommandContext context) {
    String wanted = required(id, "version needs a migration id, for example: version 20251001000100");
    FleetOptions fleetOptions = FleetOptions.of(context);
    if (fleetOptions.requested()) {
      return fleets.migrate(fleetOptions, false, yes, ignoreModified, strict, "Going to migration " + wanted,
          m -> m.version(wanted, RunListener.NONE));
    }
    return run(context, ignoreModified, yes, strict, m -> m.version(wanted, progress(context)));
  }

  @Command(name = "pending", group = "Migrate",
      description = "Apply every unapplied script, older (out-of-order) ones included", help = """
          Usage: pending [--yes] [--strict]
            pending            apply scripts that `up` skips because a newer migration is already applied
                               (the "multiple heads" situation after merging branches)""")
  public Object pending(
      @Option(longName = "yes", defaultValue = "false", description = YES) Boolean yes,
      @Option(longName = "strict", defaultValue = "false", description = STRICT) Boolean strict,
      CommandContext context) {
    return run(context, false, yes, strict, m -> m.pending(progress(context)));
  }

  @Command(name = "upgrade", group = "Alembic", description = "Alembic's upgrade: up to a target (head, +N, id)",
      completionProvider = "migrationIdCompletion", help = """
          Usage: upgrade <TARGET> [--sql] [--yes]
            upgrade head       = up
            upgrade +1         = up 1 (-1 is refused: downgrade undoes)
            upgrade <id>       = up --to <id>
            upgrade head --sql print the SQL instead of running it (= script base head)
            upgrade +1 --sql   the SQL of the next migration after the database's current one
            upgrade FROM:TO --sql  the SQL between two points, without a database (= script FROM TO)""")
  public Object upgrade(@Argument(index = 0, description = "head, +N or a migration id") String target,
      @Option(longName = "sql", defaultValue = "false", description = "print the SQL instead of running it")
      Boolean sql,
      @Option(longName = "yes", defaultValue = "false", description = YES) Boolean yes,
      CommandContext context) {
    String wanted = required(target, "upgrade needs a target: head, +N or a migration id");
    if (sql) {
      return new SqlScript(offlineSql(Direction.UP, wanted));
    }
    Target parsed = runTarget(wanted, Direction.UP);
    return run(context, false, yes, false, m -> m.up(parsed, progress(context)));
  }

  @Command(name = "downgrade", group = "Alembic", description = "Alembic's downgrade: down to a target (-N, base, id)",
      completionProvider = "migrationIdCompletion", help = """
          Usage: downgrade <TARGET> [--yes] [--sql]
            downgrade -1       = down (+1 is refused: upgrade applies)
            downgrade <id>     = down --to <id>
            downgrade base     = down --to base (asks first; --yes in batch mode)
            downgrade base --sql   print the undo SQL instead of running it (= script head base)
            downgrade -1 --sql     the undo SQL of the database's newest applied migration
            downgrade FROM:TO --sql  the undo SQL between two points, without a database (= script FROM TO)""")
  public Object downgrade(@Argument(index = 0, description = "-N, base or a migration id") String target,
      @Option(longName = "yes", defaultValue = "false", description = YES) Boolean yes,
      @Option(longName = "sql", defaultValue = "false", description = "print the SQL instead of running it")
      Boolean sql,
      CommandContext context) {
    String wanted = required(target, "downgrade needs a target: -N, base or a migration id");
    if (sql) {
      return new SqlScript(offlineSql(Direction.DOWN, wanted));
    }
    Target parsed = runTarget(wanted, Direction.DOWN);
    return run(context, false, yes, false, m -> m.down(parsed, progress(context)));
  }

  /**
   * {@code --sql}: a FROM:TO range needs no database; steps count from the database's current migration; any
   * other target is reached from base (upgrade) or head (downgrade), as {@code script} would.
   */
  private String offlineSql(Direction direction, String wanted) {
    Migrations migrations = session.migrations();
    int colon = wanted.indexOf(':');
    if (colon >= 0) {
      return migrations.script(direction, wanted.substring(0, colon), wanted.substring(colon + 1));
    }
    if (Target.parse(wanted, direction) instanceof Target.Steps steps) {
      return migrations.script(direction, steps.count());
    }
    return migrations.script(direction, direction == Direction.UP ? "base" : "head", wanted);
  }

  private static Target runTarget(String wanted, Direction direction) {
    if (wanted.contains(":")) {
      throw new InvalidArgument(wanted + " is a range, which only prints SQL: add --sql");
    }
    return Target.parse(wanted, direction);
  }

  /**
   * Runs one changing operation; the core's guard asks (or refuses) what needs a yes. {@code strict} is
   * {@code --strict}, the flag form of MIGRATE_LINT_STRICT: either makes lint refuse the run.
   */
  private RunShown run(CommandContext context, boolean ignoreModified, boolean yes, boolean strict,
      Function<Migrations, RunResult> operation) {
    RunResult result = operation.apply(new Migrations(strict(session.config(yes).ignoringModified(ignoreModified),
        strict)).cancellableBy(session.cancellation()));
    return new RunShown(result, session.target());
  }

  /** {@code --strict}, the flag form of MIGRATE_LINT_STRICT: with it lint refuses the run; without, the setting decides. */
  static MigrationConfig strict(MigrationConfig config, boolean strict) {
    return strict ? config.withStrictLint(true) : config;
  }

  private EnvironmentsRan upAcrossEnvironments(List<Environment> environments, Target target, boolean ignoreModified,
      boolean yes, boolean strict, CommandContext context) {
    PrintWriter out = context.outputWriter();
    EnvironmentRuns runs = new AcrossEnvironments(env -> strict(session.config(env, yes).ignoringModified(ignoreModified),
        strict)).cancellableBy(session.cancellation())
        .up(environments, target, env -> ProgressPrinter.of(out, session.launch()));
    return new EnvironmentsRan(runs);
  }

  private ProgressPrinter progress(CommandContext context) {
    return ProgressPrinter.of(context.outputWriter(), session.launch());
  }

  /** {@code --to} or the positional count ({@code 2}, or {@code +2}/{@code -2} in the command's direction). */
  private static Target target(String steps, String to, Direction direction, Target otherwise) {
    if (to != null) {
      return Target.parse(to, direction);
    }
    return steps == null || steps.isBlank() ? otherwise : Target.countOrTarget(steps, direction);
  }

  static String required(String value, String message) {
    if (value == null || value.isBlank()) {
      throw new InvalidArgument(message);
    }
    return value;
  }
}
