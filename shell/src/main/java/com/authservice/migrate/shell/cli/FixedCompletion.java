package com.authservice.migrate.shell.cli;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

/** Proposes a known set of values with descriptions: templates, environment names. */
public final class FixedCompletion implements CompletionProvider {

  private final Supplier<Map<String, String>> values;

  public FixedCompletion(Supplier<Map<String, String>> values) {
    this.values = values;
  }

  @Override
  public List<CompletionProposal> apply(CompletionContext context) {
    try {
      return values.get().entrySet().stream()
          .map(entry -> new CompletionProposal(entry.getKey()).description(entry.getValue())).toList();
    } catch (RuntimeException unreadable) {
      return List.of();
    }
  }
}
