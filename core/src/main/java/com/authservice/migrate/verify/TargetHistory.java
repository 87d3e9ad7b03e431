package com.authservice.migrate.verify;

import com.authservice.migrate.result.StatusReport;
import java.util.Optional;

/**
 * What the configured target has applied, for the out-of-order check: its status when it could be read, else why
 * not (none is configured, or it could not be reached), which the report says instead of checking.
 */
public record TargetHistory(String name, Optional<StatusReport> status, String whyNot) {

  public static TargetHistory notConfigured() {
    return new TargetHistory("", Optional.empty(), "no target database is configured");
  }

  public static TargetHistory unreachable(String name, String reason) {
    return new TargetHistory(name, Optional.empty(), name + " could not be read (" + reason + ")");
  }

  public static TargetHistory of(String name, StatusReport status) {
    return new TargetHistory(name, Optional.of(status), "");
  }
}
