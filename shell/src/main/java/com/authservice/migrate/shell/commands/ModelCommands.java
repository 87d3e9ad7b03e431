package com.authservice.migrate.shell.commands;

import com.authservice.migrate.autogenerate.ExcludedTables;
import com.authservice.migrate.autogenerate.GeneratedScript;
import com.authservice.migrate.shell.models.ModelSet;
import com.authservice.migrate.shell.session.ConsoleSession;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.shell.view.DriftFound;
import com.authservice.migrate.shell.view.ModelsCompared;
import java.util.List;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/** The models as the schema's source of truth: generate migrations from them, and check the database against them. */
public class ModelCommands {

  private final ConsoleSession session;

  public ModelCommands(ConsoleSession session) {
    this.session = session;
  }

  /** Where the {@code --exclude} option is documented once for all three commands. */
  static final String EXCLUDE_HELP = """
        --exclude PATTERNS   leave these tables alone (comma-separated globs: billing_*,audit_?),
                             e.g. another service's tables in the same database; for every run, set
                             exclude_tables=PATTERNS in the repository's environments/development.properties.
                             Tables that belong to extensions are always left alone.
      """;

  @Command(name = "autogenerate", alias = "revision", group = "Scripts",
      description = "Write the migration that brings the database to the models (new --autogenerate)", help = """
          Usage: autogenerate <DESCRIPTION> [--models PACKAGE|CLASSES] [--exclude PATTERNS]
            autogenerate "Add phone_number to users"   compare the auth-domain models with the database
                                                       and write up and undo SQL for the difference
          """ + EXCLUDE_HELP + """
          Same as: new --autogenerate "..." (Alembic: revision --autogenerate -m "...").
          Always review the generated script before applying it: renames show as drop + add.""")
  public GeneratedScript autogenerate(@Arguments List<String> words,
      @Option(longName = "models", description = "a package of @Entity classes, or class names") String models,
      @Option(longName = "exclude", description = "tables to leave alone: comma-separated globs") String exclude,
      @Option(longName = "autogenerate", defaultValue = "false", description = "accepted for Alembic's spelling")
      Boolean ignored) {
    String description = words == null ? "" : String.join(" ", words);
    SchemaFileUpdate schemaFile = SchemaFileUpdate.before(session);
    GeneratedScript generated = session.migrations().autogenerate(description, ModelSet.resolve(models),
        ExcludedTables.parse(exclude, "--exclude"));
    if (generated.file().isPresent()) {
      schemaFile.after();
    }
    return generated;
  }

  @Command(name = "check", group = "Inspect",
      description = "Exit 1 when the models and the database differ (a CI gate)", help = """
          Usage: check [--models PACKAGE|CLASSES] [--exclude PATTERNS] | check --drift [--env NAME]
            check              exit 0 when the database at head matches the models, 1 with the differences
            check --drift      exit 0 when the database has exactly the schema its applied migrations produce
                               (rebuilt on a throw-away embedded PostgreSQL), 1 with each object added,
                               changed or dropped by hand; only reads the database
          """ + EXCLUDE_HELP + """
          Use it in CI after `up` to catch a model change that has no migration. It changes nothing.""")
  public Object check(@Option(longName = "models", description = "a package of @Entity classes, or class names")
      String models,
      @Option(longName = "exclude", description = "tables to leave alone: comma-separated globs") String exclude,
      @Option(longName = "drift", defaultValue = "false",
          description = "compare the database with what its applied migrations produce") Boolean drift) {
    if (drift) {
      return drift(models, exclude);
    }
    return new ModelsCompared(session.migrations().check(ModelSet.resolve(models),
        ExcludedTables.parse(exclude, "--exclude")), session.target());
  }

  /** Drift compares one database with its own migrations: the models play no part, and several targets are refused. */
  private DriftFound drift(String models, String exclude) {
    if (models != null || exclude != null) {
      throw new InvalidArgument("check --drift compares the database with its migrations, not with models: "
          + "drop --models and --exclude (exclude_tables in the repository's settings still applies)");
    }
    if (!session.severalEnvironments(false).isEmpty()) {
      throw new InvalidArgument("check --drift compares one database: name one environment with --env");
    }
    session.checkTarget();
    return new DriftFound(session.migrations().drift(session.scratchDatabase(session.connection().schema())),
        session.target());
  }
}
