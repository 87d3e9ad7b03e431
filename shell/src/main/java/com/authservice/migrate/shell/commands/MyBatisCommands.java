package com.authservice.migrate.shell.commands;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.info.VersionInfo;
import com.authservice.migrate.mybatis.IdPattern;
import com.authservice.migrate.repository.RepositoryInit;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.shell.render.ProgressPrinter;
import com.authservice.migrate.shell.render.RunView;
import com.authservice.migrate.shell.render.Style;
import com.authservice.migrate.shell.run.ConsoleRunner;
import com.authservice.migrate.shell.session.ConsoleSession;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/** The MyBatis CLI's commands that the others do not cover: init, bootstrap, redo and info. */
public class MyBatisCommands {

  private final ConsoleSession session;

  public MyBatisCommands(ConsoleSession session) {
    this.session = session;
  }

  @Command(name = "init", group = "Scripts", description = "Create a new migrations repository (MyBatis' init)",
      help = """
          Usage: init [--idpattern PATTERN]
            init                       a repository in ./migrations (or --path DIR): scripts/ with the changelog
                                       script, bootstrap.sql and a first migration, environments/development.properties
            init --idpattern 000       ids 001, 002, ... instead of timestamps, for this and every later `new`
          The folder must be new or empty: init never overwrites a repository.""")
  public void init(@Option(longName = "idpattern", description = "sequential ids, such as 000 for 001, 002, ...")
      String idPattern, CommandContext context) {
    Path repository = session.options().path().map(session.launch().workingDir()::resolve)
        .orElse(session.launch().workingDir().resolve("migrations")).normalize();
    Optional<IdPattern> pattern = Optional.ofNullable(idPattern).or(() -> session.options().idPattern())
        .map(IdPattern::of);
    List<Path> files = new RepositoryInit(Clock.systemUTC()).create(repository, pattern);
    PrintWriter out = context.outputWriter();
    out.println("Created a migrations repository in " + repository + ":");
    files.forEach(file -> out.println("  " + repository.relativize(file)));
    out.println("Set POSTGRES_HOST, POSTGRES_PORT, POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD (or .env), "
        + "then: new \"<description>\" and up" + (session.options().path().isEmpty() ? "." : " with --path."));
  }

  @Command(name = "bootstrap", group = "Migrate",
      description = "Run scripts/bootstrap.sql on a database that predates migrations", help = """
          Usage: bootstrap [--yes]
            bootstrap          run scripts/bootstrap.sql (the existing schema's DDL) once, before the first migration;
                               it is recorded nowhere and has no undo. Refused once the changelog table exists,
                               as in MyBatis; --force (global) runs it anyway.""")
  public void bootstrap(
      @Option(longName = "yes", defaultValue = "false", description = "confirm changing a protected environment")
      Boolean yes,
      CommandContext context) {
    int statements = session.migrations(yes).bootstrap(progress(context));
    context.outputWriter().println("Ran scripts/bootstrap.sql on " + session.target() + ": " + statements
        + " statement(s) in one transaction, not recorded in the changelog.");
  }

  @Command(name = "redo", group = "Migrate", description = "Undo the newest N migrations (default 1), then apply them again",
      help = """
          Usage: redo [N] [--yes]
            redo               down 1, then up again: tries a script's undo section, or re-applies an edited script
            redo 3             the three newest""")
  public void redo(@Argument(index = 0, description = "how many migrations (default: 1)") String steps,
      @Option(longName = "yes", defaultValue = "false", description = "confirm changing a protected environment")
      Boolean yes,
      CommandContext context) {
    int count = count(steps);
    List<RunResult> runs = session.migrations(yes).redo(count, progress(context));
    Style style = new Style(session.launch().terminal());
    for (RunResult run : runs) {
      context.outputWriter().print(RunView.render(run, session.target(), style));
      RunView.failIfAnyFailed(run);
    }
  }

  @Command(name = "info", group = "Inspect",
      description = "Versions of the console, MyBatis Migrations, the driver and the server", help = """
          Usage: info
            info               what to quote in a bug report: every version this run depends on""")
  public void info(CommandContext context) {
    VersionInfo info = session.migrations().info();
    PrintWriter out = context.outputWriter();
    out.println("auth-migrate " + ConsoleRunner.version());
    out.println(info.myBatisMigrations() + " (repository format, script reader)");
    out.println("Driver: " + info.driver());
    out.println("Server: " + info.server().map(version -> version + " (" + session.target() + ")")
        .orElse("not reachable: " + info.serverProblem().orElse("")));
    out.println("Java: " + info.java());
    out.println("OS: " + info.os());
  }

  private ProgressPrinter progress(CommandContext context) {
    return ProgressPrinter.of(context.outputWriter(), session.launch());
  }

  private static int count(String steps) {
    if (steps == null || steps.isBlank()) {
      return 1;
    }
    try {
      int count = Integer.parseInt(steps.strip());
      if (count >= 1) {
        return count;
      }
    } catch (NumberFormatException notANumber) {
      // Reported below with the other bad values.
    }
    throw new InvalidArgument("redo takes a number of migrations (1 or more), not \"" + steps + "\"");
  }
}
