package com.authservice.migrate.shell.commands;

import com.authservice.migrate.autogenerate.ExcludedTables;
import com.authservice.migrate.autogenerate.GeneratedScript;
import com.authservice.migrate.shell.models.ModelSet;
import com.authservice.migrate.shell.session.ConsoleSession;
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
    return session.migrations().autogenerate(description, ModelSet.resolve(models),
        ExcludedTables.parse(exclude, "--exclude"));
  }

  @Command(name = "check", group = "Inspect",
      description = "Exit 1 when the models and the database differ (a CI gate)", help = """
          Usage: check [--models PACKAGE|CLASSES] [--exclude PATTERNS]
            check              exit 0 when the database at head matches the models, 1 with the differences
          """ + EXCLUDE_HELP + """
          Use it in CI after `up` to catch a model change that has no migration. It changes nothing.""")
  public ModelsCompared check(@Option(longName = "models", description = "a package of @Entity classes, or class names")
      String models,
      @Option(longName = "exclude", description = "tables to leave alone: comma-separated globs") String exclude) {
    return new ModelsCompared(session.migrations().check(ModelSet.resolve(models),
        ExcludedTables.parse(exclude, "--exclude")), session.target());
  }
}
