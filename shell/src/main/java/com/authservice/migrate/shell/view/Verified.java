package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.GateFailed;
import com.authservice.migrate.shell.cli.Outcome;
import com.authservice.migrate.verify.VerifyReport;
import java.util.Optional;

/** {@code verify}: every failure fails the gate, after the report lists them all. */
public record Verified(VerifyReport report) implements Outcome {

  @Override
  public Optional<RuntimeException> failure() {
    return report.passed() ? Optional.empty()
        : Optional.of(new GateFailed("verify: " + report.failures().size() + " failure(s)"));
  }
}
