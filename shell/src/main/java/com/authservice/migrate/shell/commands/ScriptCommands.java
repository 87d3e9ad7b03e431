package com.authservice.migrate.shell.commands;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.shell.commands.FleetOptions.TakesFleet;
import com.authservice.migrate.template.ScriptTemplate;
import com.authservice.migrate.shell.session.ConsoleSession;
import com.authservice.migrate.shell.view.FileWritten;
import com.authservice.migrate.shell.view.JavaMigrationWritten;
import com.authservice.migrate.shell.view.Repaired;
import com.authservice.migrate.shell.view.SqlScript;
import com.authservice.migrate.shell.view.Stamped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/** Writing scripts, offline SQL, and bookkeeping that runs no migration. */
public class ScriptCommands {

  private final ConsoleSession session;
  private final ModelCommands modelCommands;
  private final FleetCommands fleets;

  public ScriptCommands(ConsoleSession session, ModelCommands modelCommands) {
    this.session = session;
    this.modelCommands = modelCommands;
    this.fleets = new FleetCommands(session);
  }

  @Command(name = "new", group = "Scripts", description = "Write a new migration script from a template",
      completionProvider = "templateCompletion", help = """
          Usage: new <DESCRIPTION> [--template empty|create-table|add-column] [--autogenerate [--models M] [--exclude P]]
                 new <DESCRIPTION> --java
                 new --repeatable <DESCRIPTION>
            new "Populate default categories"          an empty script to fill in (Alembic: revision -m)
            new "Add roles" --template create-table   starts with a CREATE TABLE and its undo
            new --autogenerate "Add phone_number to users"   the SQL written from the models' difference
            new --java "Backfill user emails"          a migration written in Java: a stub script naming
                                                       java/migrations/BackfillUserEmails.java, and that class
            new --repeatable "active users view"      repeatable/R__active_users_view.sql: applied again by up
                                                      whenever it changes (views, functions, grants)
          Always review the script (show <id>) before applying it with up.""")
  public Object create(@Arguments List<String> words,
      @Option(longName = "template", description = "empty, create-table or add-column", defaultValue = "empty")
      String template,
      @Option(longName = "autogenerate", defaultValue = "false",
          description = "write the SQL from the models (see autogenerate)")
      Boolean autogenerate,
      @Option(longName = "models", description = "with --autogenerate: a package or class names") String models,
      @Option(longName = "exclude", description = "with --autogenerate: tables to leave alone (see autogenerate)")
      String exclude,
      @Option(longName = "java", defaultValue = "false",
          description = "a migration written in Java: a stub script and a class skeleton (see docs/java-migrations.md)")
      Boolean java,
      @Option(longName = "repeatable", defaultValue = "false",
          description = "a repeatable script in repeatable/, applied again whenever it changes")
      Boolean repeatable,
      CommandContext context) {
    if (java && repeatable) {
      throw new InvalidArgument("new takes --java or --repeatable, not both: a repeatable script is SQL");
    }
    if (java) {
      List<Path> written = session.offline().newJavaMigration(words == null ? "" : String.join(" ", words));
      return new JavaMigrationWritten(written.get(0), written.get(1));
    }
    if (repeatable) {
      return new FileWritten(session.offline().newRepeatable(words == null ? "" : String.join(" ", words)),
          FileWritten.Kind.REPEATABLE);
    }
    if (autogenerate) {
      return modelCommands.autogenerate(words, models, exclude, true);
    }
    String description = words == null ? "" : String.join(" ", words);
    return new FileWritten(session.offline().newMigration(description, ScriptTemplate.named(template)),
        FileWritten.Kind.MIGRATION);
  }

  @Command(name = "script", group = "Scripts",
      description = "The SQL that up/down would run between two points, without touching the database",
      completionProvider = "migrationIdCompletion", help = """
          Usage: script <FROM> <TO> [--output FILE [--force]]
            script base head               everything, for an empty database (Alembic: upgrade head --sql)
            script 20251001000100 head     what up would run from that migration on
            script head 20251001000100     the undo SQL back to that migration
          The output holds the changelog statements too; run it with: psql -v ON_ERROR_STOP=1 -f FILE
          --output refuses a file that exists; --force overwrites it.""")
  public Object script(@Argument(index = 0, description = "base, head or an id") String from,
      @Argument(index = 1, description = "base, head or an id") String to,
      @Option(longName = "output", shortName = 'o', description = "write to this file instead of stdout") String output,
      @Option(longName = "force", defaultValue = "false", description = "overwrite the --output file if it exists")
      Boolean force,
      CommandContext context) {
    String sql = session.offline().script(RunCommands.required(from, "script needs FROM and TO, e.g. script base head"),
        RunCommands.required(to, "script needs FROM and TO, e.g. script base head"));
    if (output == null) {
      return new SqlScript(sql);
    }
    Path file = session.launch().workingDir().resolve(output);
    // On the command line --force is also the global option (MyBatis' "go on anyway"); both mean overwrite here.
    boolean overwrite = force || session.options().force();
    OpenOption[] mode = overwrite ? new OpenOption[0] : new OpenOption[] {StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE};
    try {
      Files.writeString(file, sql, StandardCharsets.UTF_8, mode);
    } catch (FileAlreadyExistsException e) {
      throw new StateConflict(file + " already exists; nothing was written. Pass --force to overwrite it.");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
    return new FileWritten(file, FileWritten.Kind.SQL);
  }

  @TakesFleet
  @Command(name = "stamp", group = "Scripts",
      description = "Mark the database as at a migration without running anything",
      completionProvider = "migrationIdCompletion", help = """
          Usage: stamp [head|base|ID|auto] [--drop-alembic-table] [--yes] [--fleet NAME [--parallel N] [--fail-fast]]
            stamp head         the schema already matches every script: record them all as applied
            stamp              (auto) find the migration whose schema (tables, columns, indexes,
                               constraints) matches the database best; refuses when several fit equally
                               (a migration that only adds rows); adopts a database Alembic managed
                               (its alembic_version table stays)
            stamp base         forget every applied migration (the tables stay)
            stamp head --fleet tenants   on every member of the fleet (see up)""")
  public Object stamp(@Argument(index = 0, description = "head, base, an id, or auto (default)") String target,
      @Option(longName = "drop-alembic-table", defaultValue = "false",
          description = "also drop Alembic's alembic_version table")
      Boolean dropAlembic,
      @Option(longName = "yes", defaultValue = "false", description = "confirm changing a protected environment")
      Boolean yes,
      CommandContext context) {
    String point = target == null || target.isBlank() ? "auto" : target;
    FleetOptions fleetOptions = FleetOptions.of(context);
    if (fleetOptions.requested()) {
      return fleets.stamp(fleetOptions, yes, point, dropAlembic);
    }
    return new Stamped(session.migrations(yes).stamp(point, dropAlembic), session.target());
  }

  @Command(name = "repair", group = "Scripts", description = "Accept edited applied scripts and record deleted ones",
      help = """
          Usage: repair [--yes]
            repair             record the checksums of applied scripts again (Flyway's repair);
                               only when the edit is harmless, e.g. a comment; an applied
                               migration whose script was deleted is recorded as deleted""")
  public Repaired repair(
      @Option(longName = "yes", defaultValue = "false", description = "confirm changing a protected environment")
      Boolean yes) {
    return new Repaired(session.migrations(yes).repair(), session.target());
  }
}
