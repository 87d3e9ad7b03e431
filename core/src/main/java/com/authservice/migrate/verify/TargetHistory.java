package com.authservice.migrate.verify;

import com.authservice.migrate.result.StatusReport;
import java.util.Optional;

/**
 * What the configured target has applied, for the out-of-order check: its status when it could be read, else why
 * not (none is configured, or it could not be reached), which the report says instead of checking. Its server's
 * version, when known, lets the report say that verify ran on another major version.
 */
public record TargetHistory(String name, Optional<StatusReport> status, String whyNot, Optional<String> server) {

  public static TargetHistory notConfigured() {
    return new TargetHistory("", Optional.empty(), "no target database is configured", Optional.empty());
  }

  public static TargetHistory unreachable(String name, String reason) {
    return new TargetHistory(name, Optional.empty(), name + " could not be read (" + reason + ")", Optional.empty());
  }

  public static TargetHistory of(String name, StatusReport status) {
    return new TargetHistory(name, Optional.of(status), "", Optional.empty());
  }

  /** The same target, running on {@code server}: what {@code select version()} answers there. */
  public TargetHistory runningOn(String server) {
    return new TargetHistory(name, status, whyNot, Optional.of(server));
  }
}
