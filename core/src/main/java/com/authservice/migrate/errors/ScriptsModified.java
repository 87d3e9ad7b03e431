package com.authservice.migrate.errors;

import java.util.List;

/** Applied scripts were edited or deleted since they ran; changing the database now could diverge. */
public final class ScriptsModified extends MigrationException {
  private final List<String> problems;

  public ScriptsModified(List<String> problems) {
    super("Applied migrations changed since they ran: " + String.join("; ", problems) + ". "
        + "Never edit applied migrations: restore the scripts, or accept their content with `repair`, "
        + "or pass --ignore-modified.");
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
