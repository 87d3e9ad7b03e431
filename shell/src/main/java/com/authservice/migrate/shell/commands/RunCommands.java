package com.authservice.migrate.shell.commands;

import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.environment.EnvironmentRun;
import com.authservice.migrate.errors.EnvironmentFailed;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.shell.render.ProgressPrinter;
import com.authservice.migrate.shell.render.RunView;
import com.authservice.migrate.shell.render.Style;
import com.authservice.migrate.shell.session.ConsoleSession;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/** The commands that move the database forwards and backwards. */
public class RunCommands {

  private final ConsoleSession session;

  public RunCommands(ConsoleSession session) {
    this.session = session;
  }

  @Command(name = "up", group = "Migrate", description = "Apply pending migrations: all, the next N, or up to --to",
      completionProvider = "targetOptionCompletion", help = """
          Usage: up [N] [--to TARGET] [--all] [--ignore-modified] [--yes]
            up                 apply every pending migration (Alembic: upgrade head)
            up 1               apply only the next one (Alembic: upgrade +1)
            up --to 20251015   apply up to and including that id (a unique prefix is enough)
          Always review a generated script (show <id>) before applying it.
          up --all (or --env a,b) migrates the environments one after the other, each under its own lock,
          stopping at the first failure; --all goes default, then the others, protected ones (production) last.""")
  public void up(@Argument(index = 0, description = "how many migrations to apply (default: all), or a target")
      String steps,
      @Option(longName = "to", description = "a migration id (prefix) or head") String to,
      @Option(longName = "ignore-modified", defaultValue = "false",
          description = "run although applied scripts were edited")
      Boolean ignoreModified,
      @Option(longName = "yes", defaultValue = "false", description = "confirm changing a protected environment")
      Boolean yes,
      @Option(longName = "all", defaultValue = "false", description = "every environment, protected ones last")
      Boolean all,
      CommandContext context) {
    Target target = to != null ? Target.parse(to) : stepsOrTarget(steps, Target.head());
    List<Environment> several = session.severalEnvironments(all);
    if (!several.isEmpty()) {
      upAcrossEnvironments(several, target, ignoreModified, yes, context.outputWriter());
      return;
    }
    run(context, ignoreModified, yes, "up", m -> m.up(target, progress(context)));
  }

  @Command(name = "down", group = "Migrate", description = "Undo the newest migration, the newest N, or down to --to",
      completionProvider = "targetOptionCompletion", help = """
          Usage: down [N] [--to TARGET] [--yes] [--ignore-modified]
            down               undo the newest applied migration (Alembic: downgrade -1)
            down 2             undo the two newest
            down --to 20251001000100   undo everything newer than that id; it stays applied
            down --to base --yes       undo every migration: drops every table they made""")
  public void down(@Argument(index = 0, description = "how many migrations to undo (default: 1), or a target")
      String steps,
      @Option(longName = "to", description = "a migration id (prefix) or base") String to,
      @Option(longName = "yes", defaultValue = "false",
          description = "confirm without asking (needed for --to base in batch mode)")
      Boolean yes,
      @Option(longName = "ignore-modified", defaultValue = "false",
          description = "run although applied scripts were edited")
      Boolean ignoreModified,
      CommandContext context) {
    Target target = to != null ? Target.parse(to) : stepsOrTarget(steps, Target.steps(1));
    if (target instanceof Target.Base) {
      session.confirmChange("down --to base undoes every migration on " + session.target()
          + " and drops every table they created.", yes);
    }
    run(context, ignoreModified, yes, "down", m -> m.down(target, progress(context)));
  }

  @Command(name = "version", group = "Migrate", description = "Go up or down until the given migration is the newest",
      completionProvider = "migrationIdCompletion", help = """
          Usage: version <ID> [--ignore-modified] [--yes]
            version 20251001000100     up or down to exactly that migration (a unique id prefix works)""")
  public void version(@Argument(index = 0, description = "migration id or unique prefix") String id,
      @Option(longName = "ignore-modified", defaultValue = "false",
          description = "run although applied scripts were edited")
      Boolean ignoreModified,
      @Option(longName = "yes", defaultValue = "false", description = "confirm changing a protected environment")
      Boolean yes,
      CommandContext context) {
    String wanted = required(id, "version needs a migration id, for example: version 20251001000100");
    run(context, ignoreModified, yes, "version", m -> m.version(wanted, progress(context)));
  }

  @Command(name = "pending", group = "Migrate",
      description = "Apply every unapplied script, older (out-of-order) ones included", help = """
          Usage: pending [--yes]
            pending            apply scripts that `up` skips because a newer migration is already applied
                               (the "multiple heads" situation after merging branches)""")
  public void pending(
      @Option(longName = "yes", defaultValue = "false", description = "confirm changing a protected environment")
      Boolean yes,
      CommandContext context) {
    run(context, false, yes, "pending", m -> m.pending(progress(context)));
  }

  @Command(name = "upgrade", group = "Alembic", description = "Alembic's upgrade: up to a target (head, +N, id)",
      completionProvider = "migrationIdCompletion", help = """
          Usage: upgrade <TARGET> [--sql]
            upgrade head       = up
            upgrade +1         = up 1
            upgrade <id>       = up --to <id>
            upgrade head --sql print the SQL instead of running it (= script base head)""")
  public void upgrade(@Argument(index = 0, description = "head, +N or a migration id") String target,
      @Option(longName = "sql", defaultValue = "false", description = "print the SQL instead of running it")
      Boolean sql,
      @Option(longName = "yes", defaultValue = "false", description = "confirm changing a protected environment")
      Boolean yes,
      CommandContext context) {
    String wanted = required(target, "upgrade needs a target: head, +N or a migration id");
    if (sql) {
      context.outputWriter().print(session.migrations().script("base", wanted.startsWith("+") ? "head" : wanted));
      return;
    }
    run(context, false, yes, "upgrade", m -> m.up(Target.parse(wanted), progress(context)));
  }

  @Command(name = "downgrade", group = "Alembic", description = "Alembic's downgrade: down to a target (-N, base, id)",
      completionProvider = "migrationIdCompletion", help = """
          Usage: downgrade <TARGET> [--yes] [--sql]
            downgrade -1       = down
            downgrade <id>     = down --to <id>
            downgrade base     = down --to base (asks first; --yes in batch mode)
            downgrade base --sql   print the undo SQL instead of running it (= script head base)""")
  public void downgrade(@Argument(index = 0, description = "-N, base or a migration id") String target,
      @Option(longName = "yes", defaultValue = "false", description = "confirm without asking") Boolean yes,
      @Option(longName = "sql", defaultValue = "false", description = "print the SQL instead of running it")
      Boolean sql,
      CommandContext context) {
    String wanted = required(target, "downgrade needs a target: -N, base or a migration id");
    Target parsed = Target.parse(wanted);
    if (sql) {
      context.outputWriter().print(session.migrations().script("head", wanted.startsWith("-") ? "base" : wanted));
      return;
    }
    if (parsed instanceof Target.Base) {
      session.confirmChange("downgrade base undoes every migration on " + session.target() + ".", yes);
    }
    run(context, false, yes, "downgrade", m -> m.down(parsed, progress(context)));
  }

  private void run(CommandContext context, boolean ignoreModified, boolean yes, String command,
      Function<Migrations, RunResult> operation) {
    if (session.isProtected()) {
      session.confirmChange(command + " changes the protected environment " + session.environment().name() + ".", yes);
    }
    Migrations migrations = new Migrations(session.config(session.connection()).ignoringModified(ignoreModified));
    RunResult result = operation.apply(migrations);
    context.outputWriter().print(RunView.render(result, session.target(), style()));
    RunView.failIfAnyFailed(result);
  }

  private void upAcrossEnvironments(List<Environment> environments, Target target, boolean ignoreModified,
      boolean yes, PrintWriter out) {
    for (var environment : environments) {
      if (environment.isProtected()) {
        session.confirmChange("up changes the protected environment " + environment.name() + ".", yes);
      }
    }
    List<EnvironmentRun> runs = EnvironmentRun.up(environments,
        env -> session.config(env.connection()).ignoringModified(ignoreModified), target,
        env -> new ProgressPrinter(out, session.launch().err(), session.launch().terminal()));
    for (EnvironmentRun run : runs) {
      out.println(run.environment().name() + ": " + run.result()
          .map(r -> (r.changedNothing() ? "already up to date" : "applied " + r.migrations().size()))
          .orElse("FAILED - " + run.failure().orElse("")));
    }
    runs.forEach(run -> run.result().ifPresent(RunView::failIfAnyFailed));
    runs.stream().filter(run -> run.failure().isPresent() && !run.ran()).findFirst()
        .filter(run -> !run.failure().get().startsWith("not run"))
        .ifPresent(run -> {
          throw new EnvironmentFailed(run.environment().name(), run.failure().get());
        });
  }

  private ProgressPrinter progress(CommandContext context) {
    return new ProgressPrinter(context.outputWriter(), session.launch().err(), session.launch().terminal());
  }

  private Style style() {
    return new Style(session.launch().terminal());
  }

  /** {@code 2}, {@code +2} and {@code -2} are steps (MyBatis and Alembic); anything else is a target. */
  private static Target stepsOrTarget(String value, Target otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    if (STEPS.matcher(value.strip()).matches()) {
      return Target.steps(Math.abs(Integer.parseInt(value.strip())));
    }
    return Target.parse(value);
  }

  private static final java.util.regex.Pattern STEPS = java.util.regex.Pattern.compile("[+-]?\\d{1,6}");

  static String required(String value, String message) {
    if (value == null || value.isBlank()) {
      throw new InvalidArgument(message);
    }
    return value;
  }
}
