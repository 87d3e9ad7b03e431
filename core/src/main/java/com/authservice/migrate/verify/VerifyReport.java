package com.authservice.migrate.verify;

import java.time.Duration;
import java.util.List;

/**
 * What {@code verify} did and found: the scratch server it used, how many migrations went up, down and up again,
 * whether sample rows were put in, every failure, and notes on what it could not check (and why).
 */
public record VerifyReport(String server, int migrations, int roundTrips, boolean withData, boolean modelsCompared,
    List<VerifyFailure> failures, List<String> notes, Duration elapsed) {

  public VerifyReport {
    failures = List.copyOf(failures);
    notes = List.copyOf(notes);
  }

  public boolean passed() {
    return failures.isEmpty();
  }
}
