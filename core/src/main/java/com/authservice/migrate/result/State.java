package com.authservice.migrate.result;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a migration stands, comparing the scripts folder with the changelog. */
public enum State {
  /** In the changelog, script unchanged. */
  APPLIED,
  /** Not in the changelog and newer than every applied migration: {@code up} runs it. */
  PENDING,
  /** Not in the changelog but older than an applied migration: only {@code pending} runs it. */
  OUT_OF_ORDER,
  /** In the changelog, but the script changed since it ran. */
  MODIFIED,
  /** In the changelog, but no script has its id. */
  MISSING,
  /** In the changelog, its script deleted on purpose: {@code repair} recorded that, so runs go on without it. */
  DELETED;

  public boolean isApplied() {
    return this == APPLIED || this == MODIFIED || this == MISSING || this == DELETED;
  }

  /** The state as users write it ({@code out-of-order}): in {@code status --fail-on} and in JSON output. */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<State> labelled(String label) {
    return Arrays.stream(values()).filter(state -> state.label().equals(label)).findFirst();
  }
}
