package com.authservice.migrate.shell.commands;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.mybatis.IdPattern;
import com.authservice.migrate.repository.RepositoryInit;
import com.authservice.migrate.shell.render.ProgressPrinter;
import com.authservice.migrate.shell.session.ConsoleSession;
import com.authservice.migrate.shell.view.Bootstrapped;
import com.authservice.migrate.shell.view.Redone;
import com.authservice.migrate.shell.view.RepositoryCreated;
import com.authservice.migrate.shell.view.ConsoleVersion;
import com.authservice.migrate.shell.view.VersionsShown;
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
  public RepositoryCreated init(@Option(longName = "idpattern", description = "sequential ids, such as 000 for 001, 002, ...")
      String idPattern) {
    Path repository = session.options().path().map(session.launch().workingDir()::resolve)
        .orElse(session.launch().workingDir().resolve("migrations")).normalize();
    Optional<IdPattern> pattern = Optional.ofNullable(idPattern).or(() -> session.options().idPattern())
        .map(IdPattern::of);
    List<Path> files = new RepositoryInit(Clock.systemUTC()).create(repository, pattern);
    return new RepositoryCreated(repository, files, session.options().path().isPresent());
  }

  @Command(name = "bootstrap", group = "Migrate",
      description = "Run scripts/bootstrap.sql on a database that predates migrations", help = """
          Usage: bootstrap [--yes]
            bootstrap          run scripts/bootstrap.sql (the existing schema's DDL) once, before the first migration;
                               it is recorded nowhere and has no undo. Refused once the changelog table exists,
                               as in MyBatis; --force (global) runs it anyway.""")
  public Bootstrapped bootstrap(
      @Option(longName = "yes", defaultValue = "false", description = "confirm changing a protected environment")
      Boolean yes,
      CommandContext context) {
    return new Bootstrapped(session.target(), session.migrations(yes).bootstrap(progress(context)));
  }

  @Command(name = "redo", group = "Migrate", description = "Undo the newest N migrations (default 1), then apply them again",
      help = """
          Usage: redo [N] [--yes]
            redo               down 1, then up again: tries a script's undo section, or re-applies an edited script
            redo 3             the three newest""")
  public Redone redo(@Argument(index = 0, description = "how many migrations (default: 1)") String steps,
      @Option(longName = "yes", defaultValue = "false", description = "confirm changing a protected environment")
      Boolean yes,
      CommandContext context) {
    int count = count(steps);
    return new Redone(session.migrations(yes).redo(count, progress(context)), session.target());
  }

  @Command(name = "info", group = "Inspect",
      description = "Versions of the console, MyBatis Migrations, the driver and the server", help = """
          Usage: info
            info               what to quote in a bug report: every version this run depends on""")
  public VersionsShown info() {
    return new VersionsShown(ConsoleVersion.ofThisBuild(), session.migrations().info(), session.target());
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
