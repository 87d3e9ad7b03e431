package com.authservice.migrate.result;

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
  MISSING;

  public boolean isApplied() {
    return this == APPLIED || this == MODIFIED || this == MISSING;
  }
}
