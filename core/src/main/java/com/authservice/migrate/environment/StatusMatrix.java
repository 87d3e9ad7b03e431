package com.authservice.migrate.environment;

import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.State;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code status --all}: migrations as rows, environments as columns, and how far each environment
 * is behind the one with the most migrations applied.
 */
public record StatusMatrix(List<Row> rows, List<EnvironmentStatus> columns) {

  /** A migration id and the description scripts or changelogs give it. */
  public record Row(MigrationId id, String description) {
  }

  /** "staging is 2 behind development"; {@code behind} is 0 for the reference itself and those level with it. */
  public record Summary(EnvironmentStatus column, Optional<String> reference, int behind) {
  }

  public static StatusMatrix of(List<EnvironmentStatus> columns) {
    Map<MigrationId, String> rows = new TreeMap<>();
    for (EnvironmentStatus column : columns) {
      column.report().ifPresent(report -> report.migrations()
          .forEach(m -> rows.putIfAbsent(m.id(), m.description())));
    }
    List<Row> ordered = new ArrayList<>();
    rows.forEach((id, description) -> ordered.add(new Row(id, description)));
    return new StatusMatrix(ordered, List.copyOf(columns));
  }

  public List<Summary> summaries() {
    Optional<EnvironmentStatus> reference = columns.stream().filter(c -> c.report().isPresent())
        .max(Comparator.comparingInt(EnvironmentStatus::appliedCount));
    List<Summary> summaries = new ArrayList<>();
    for (EnvironmentStatus column : columns) {
      if (reference.isEmpty() || column.report().isEmpty() || column == reference.get()) {
        summaries.add(new Summary(column, Optional.empty(), 0));
        continue;
      }
      int behind = (int) rows.stream()
          .filter(row -> reference.get().stateOf(row.id()).map(State::isApplied).orElse(false))
          .filter(row -> !column.stateOf(row.id()).map(State::isApplied).orElse(false))
          .count();
      summaries.add(new Summary(column, Optional.of(reference.get().environment().name()), behind));
    }
    return summaries;
  }

  /** True when every environment was read and all have exactly the same migrations applied, none edited. */
  public boolean inSync() {
    if (columns.stream().anyMatch(c -> c.report().isEmpty())) {
      return false;
    }
    for (Row row : rows) {
      long appliedIn = columns.stream().filter(c -> c.stateOf(row.id()).map(State::isApplied).orElse(false)).count();
      boolean modified = columns.stream().anyMatch(c -> c.stateOf(row.id()).map(s -> s == State.MODIFIED
          || s == State.MISSING).orElse(false));
      if (modified || appliedIn != 0 && appliedIn != columns.size()) {
        return false;
      }
    }
    return true;
  }

}
