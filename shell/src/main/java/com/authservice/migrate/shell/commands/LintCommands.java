package com.authservice.migrate.shell.commands;

import com.authservice.migrate.shell.launch.LintSetting;
import com.authservice.migrate.shell.session.ConsoleSession;
import com.authservice.migrate.shell.view.Linted;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/** {@code lint}: what PostgreSQL would lock or rewrite in the scripts, before they reach a live database. */
public class LintCommands {

  private final ConsoleSession session;

  public LintCommands(ConsoleSession session) {
    this.session = session;
  }

  @Command(name = "lint", group = "Scripts",
      description = "Check scripts for DDL that locks or rewrites a live table (what up would run, by default)",
      completionProvider = "migrationIdCompletion", help = """
          Usage: lint [ID] [--all] [--strict]
            lint               the scripts up would run (the unapplied ones)
            lint 20251120      one migration (a unique id prefix works)
            lint --all         every script
            lint --strict      exit 1 when there is a finding (for CI; MIGRATE_LINT_STRICT=true does the same,
                               and makes up, pending and version refuse to run)
          Each finding names the file and line, the rule, what PostgreSQL will do and the safe way.
          Accept one knowingly with a comment on the statement, or for the whole script in its header
          (set apart from the first statement by a blank line):
            -- migrate:allow ban-drop-column
          Rules: adding-required-field, adding-field-with-volatile-default, changing-column-type,
            setting-not-null, require-concurrent-index-creation, require-concurrent-index-deletion,
            ban-concurrent-index-creation-in-transaction, constraint-missing-not-valid,
            disallowed-unique-constraint, adding-serial-primary-key-field, renaming-column, renaming-table,
            ban-drop-column, ban-drop-table, transaction-nesting.""")
  public Linted lint(@Argument(index = 0, description = "migration id or unique prefix") String id,
      @Option(longName = "all", defaultValue = "false", description = "every script, applied ones included")
      Boolean all,
      @Option(longName = "strict", defaultValue = "false", description = "exit 1 when there is a finding")
      Boolean strict) {
    return new Linted(session.migrations().lint(id, all), session.target(),
        strict || LintSetting.isStrict(session.launch().environment()));
  }
}
