package com.authservice.migrate.result;

import java.time.Duration;

/** A session whose open transaction holds a lock on a table a migration wanted. */
public record Blocker(int pid, String applicationName, Duration inTransaction, String query) {

  @Override
  public String toString() {
    String name = applicationName == null || applicationName.isBlank() ? "" : " (" + applicationName + ")";
    String sql = query == null ? "" : query.strip().replaceAll("\\s+", " ");
    return "pid " + pid + name + ", in a transaction for " + inTransaction.toSeconds() + " s, last query: "
        + (sql.length() <= 80 ? sql : sql.substring(0, 77) + "...");
  }
}
