package com.authservice.migrate.errors;

import java.util.List;

/** A {@code --force} run went on past failing migrations; each was rolled back alone (exit code 1). */
public final class MigrationsFailed extends MigrationException {
  public MigrationsFailed(List<String> fileNames) {
    super(fileNames.size() + " migration(s) failed and were rolled back: " + String.join(", ", fileNames)
        + ". Fix them and run the command again.");
  }
}
