package com.authservice.migrate.shell.view;

import com.authservice.migrate.repeatable.RepeatableState;
import com.authservice.migrate.result.MigrationDetail;
import java.util.List;

/**
 * {@code history}: migrations newest first, then the repeatable scripts; {@code verbose} adds files, times and first
 * lines.
 */
public record HistoryShown(List<MigrationDetail> history, String target, boolean verbose,
    List<RepeatableState> repeatables) {

  public HistoryShown(List<MigrationDetail> history, String target, boolean verbose) {
    this(history, target, verbose, List.of());
  }
}
