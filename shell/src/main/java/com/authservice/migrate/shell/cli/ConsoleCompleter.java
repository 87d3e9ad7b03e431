package com.authservice.migrate.shell.cli;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.completion.CompletionContext;
import org.springframework.shell.core.command.completion.CompletionProposal;
import org.springframework.shell.core.command.completion.CompletionProvider;

/**
 * Tab completion for command names, option names and values (migration ids, targets, templates,
 * environments, fleets), each with its description. Written for the console because Spring Shell 4.0.1's
 * completer offers nothing once a value is partly typed ({@code version 2025<TAB>}, spring-shell#1346).
 */
public final class ConsoleCompleter implements Completer {

  private final CommandRegistry registry;
  private final Map<String, CompletionProvider> optionValues;

  /**
   * @param optionValues what completes the value of an option any command may take, by its long name
   *     ({@code --fleet}), before the command's own completion
   */
  public ConsoleCompleter(CommandRegistry registry, Map<String, CompletionProvider> optionValues) {
    this.registry = registry;
    this.optionValues = Map.copyOf(optionValues);
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    List<String> words = line.words();
    int index = line.wordIndex();
    String typed = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
    if (index == 0) {
      completeCommands(typed, candidates);
      return;
    }
    Optional<Command> command = Optional.ofNullable(registry.getCommandByName(words.get(0)));
    if (command.isEmpty()) {
      return;
    }
    List<CommandOption> options = command.get().getOptions();
    Optional<CommandOption> valueOf = Optional.of(words.get(index - 1))
        .flatMap(previous -> options.stream().filter(o -> o.isOptionEqual(previous) && !CommandLine.isFlag(o)).findFirst());
    if (valueOf.isEmpty() && typed.startsWith("-") && !typed.matches("-\\d*")) {
      for (CommandOption option : options) {
        if (!line.line().contains("--" + option.longName() + " ") && !line.line().contains("--" + option.longName() + "=")) {
          candidates.add(new Candidate("--" + option.longName(), "--" + option.longName(), "options",
              option.description(), null, null, true));
        }
      }
      return;
    }
    CompletionContext context = new CompletionContext(words, index, line.wordCursor(), command.get(),
        valueOf.orElse(null));
    CompletionProvider provider = valueOf.map(option -> optionValues.get(option.longName()))
        .orElse(command.get().getCompletionProvider());
    for (CompletionProposal proposal : provider.apply(context)) {
      if (proposal.value().startsWith(typed)) {
        candidates.add(new Candidate(proposal.value(), proposal.displayText(), proposal.category(),
            proposal.description(), null, null, proposal.complete()));
      }
    }
  }

  private void completeCommands(String typed, List<Candidate> candidates) {
    for (Command command : registry.getCommands()) {
      if (command.isHidden()) {
        continue;
      }
      for (String name : names(command)) {
        if (name.startsWith(typed) && !name.contains(" ")) {
          candidates.add(new Candidate(name, name, command.getGroup(), command.getDescription(), null, null, true));
        }
      }
    }
  }

  private static List<String> names(Command command) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(command.getName()),
        command.getAliases().stream()).toList();
  }
}
