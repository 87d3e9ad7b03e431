package com.authservice.migrate.shell.view;

import com.authservice.migrate.drift.DriftReport;
import com.authservice.migrate.shell.cli.GateFailed;
import com.authservice.migrate.shell.cli.Outcome;
import java.util.Optional;

/** {@code check --drift}: what was done to {@code target} by hand; any difference fails the gate. */
public record DriftFound(DriftReport report, String target) implements Outcome {

  @Override
  public Optional<RuntimeException> failure() {
    return report.hasDrift() ? Optional.of(new GateFailed("check --drift: " + target + " differs from what its "
        + report.applied() + " applied migration(s) produce in " + report.changes().size() + " object(s)"))
        : Optional.empty();
  }
}
