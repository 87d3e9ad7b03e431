package com.authservice.migrate.shell.commands;

import com.authservice.migrate.result.Migration;
import com.authservice.migrate.shell.session.ConsoleSession;
import java.util.ArrayList;
import java.util.List;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

/**
 * Proposes migration ids with their descriptions, read from the scripts (no database needed), and,
 * for commands that take a target, {@code head}, {@code base} and relative steps.
 */
public final class MigrationIdCompletion implements CompletionProvider {

  private final ConsoleSession session;
  private final boolean withTargets;
  private final boolean positional;

  /**
   * @param withTargets also propose head and base
   * @param positional propose ids as the command's arguments too, not only as {@code --to} values
   */
  public MigrationIdCompletion(ConsoleSession session, boolean withTargets, boolean positional) {
    this.session = session;
    this.withTargets = withTargets;
    this.positional = positional;
  }

  @Override
  public List<CompletionProposal> apply(CompletionContext context) {
    String option = context.getCommandOption() == null ? null : context.getCommandOption().longName();
    boolean wanted = option == null ? positional : option.equals("to") || option.equals("range");
    if (!wanted) {
      return List.of();
    }
    List<CompletionProposal> proposals = new ArrayList<>();
    try {
      for (Migration migration : session.scripts().migrations()) {
        proposals.add(new CompletionProposal(migration.id().toString()).description(migration.description())
            .category("migrations"));
      }
    } catch (RuntimeException unreadable) {
      return List.of(); // a broken scripts folder is reported when the command runs, not while typing
    }
    if (withTargets) {
      proposals.add(new CompletionProposal("head").description("the newest migration").category("targets"));
      proposals.add(new CompletionProposal("base").description("before the first migration").category("targets"));
    }
    return proposals;
  }
}
