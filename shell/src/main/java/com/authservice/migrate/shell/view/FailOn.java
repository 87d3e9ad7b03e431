package com.authservice.migrate.shell.view;

import com.authservice.migrate.environment.EnvironmentStatus;
import com.authservice.migrate.environment.StatusMatrix;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.shell.cli.GateFailed;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code status --fail-on STATES}: after the report, exit 1 when a migration is in one of these states, so that a
 * deploy refuses to go on (modified, missing) or a pre-deploy check demands work (pending). Empty: no gate.
 */
public record FailOn(Set<State> states) {

  public static final String ACCEPTED = "pending, modified, missing, out-of-order";

  public static FailOn parse(String option) {
    if (option == null) {
      return new FailOn(Set.of());
    }
    Set<State> states = new LinkedHashSet<>();
    for (String word : option.split(",")) {
      if (!word.isBlank()) {
        states.add(State.labelled(word.strip()).filter(state -> state != State.APPLIED).orElseThrow(() ->
            new InvalidArgument("--fail-on takes " + ACCEPTED + " (any of them, comma-separated), not \""
                + word.strip() + "\"")));
      }
    }
    if (states.isEmpty()) {
      throw new InvalidArgument("--fail-on needs at least one of " + ACCEPTED);
    }
    return new FailOn(states);
  }

  public List<String> labels() {
    return states.stream().map(State::label).toList();
  }

  Optional<RuntimeException> failure(StatusReport report) {
    return found(report).map(found -> new GateFailed("status --fail-on: " + found));
  }

  /** Across environments an unreachable one fails the gate too: it cannot show that it is clear. */
  Optional<RuntimeException> failure(StatusMatrix matrix) {
    if (states.isEmpty()) {
      return Optional.empty();
    }
    List<String> found = new ArrayList<>();
    for (EnvironmentStatus column : matrix.columns()) {
      String name = column.environment().name();
      if (column.report().isEmpty()) {
        found.add(name + ": unreachable");
      } else {
        found(column.report().get()).ifPresent(states -> found.add(name + ": " + states));
      }
    }
    return found.isEmpty() ? Optional.empty()
        : Optional.of(new GateFailed("status --fail-on: " + String.join("; ", found)));
  }

  /** "3 pending, 1 modified", or empty when the report has none of the states. */
  private Optional<String> found(StatusReport report) {
    String found = states.stream().filter(state -> !report.inState(state).isEmpty())
        .map(state -> report.inState(state).size() + " " + state.label()).collect(Collectors.joining(", "));
    return found.isEmpty() ? Optional.empty() : Optional.of(found);
  }
}
