package com.authservice.migrate.shell.view;

import com.authservice.migrate.result.MigrationDetail;
import java.util.List;

/** {@code history}: migrations newest first; {@code verbose} adds files, times and first lines. */
public record HistoryShown(List<MigrationDetail> history, String target, boolean verbose) {
}
