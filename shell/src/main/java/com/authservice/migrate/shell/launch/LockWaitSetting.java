package com.authservice.migrate.shell.launch;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.tablelock.TableLockWait;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --table-lock-timeout} or {@code MIGRATE_TABLE_LOCK_TIMEOUT} (old names {@code --lock-wait},
 * {@code MIGRATE_LOCK_WAIT}: each migration's {@code lock_timeout}, default 5s),
 * {@code MIGRATE_LOCK_RETRIES} (attempts in all, default 5) and {@code MIGRATE_STATEMENT_TIMEOUT} (none).
 */
public final class LockWaitSetting {

  private LockWaitSetting() {
  }

  /** @param flag {@code --table-lock-timeout}, which wins over its variables */
  public static TableLockWait from(Map<String, String> environment, Optional<Duration> flag) {
    TableLockWait wait = TableLockWait.DEFAULT;
    Optional<String> variable = GlobalOption.TABLE_LOCK_TIMEOUT.variables().stream()
        .filter(name -> environment.get(name) != null && !environment.get(name).isBlank()).findFirst();
    if (flag.isPresent()) {
      wait = wait.withLockTimeout(flag.get());
    } else if (variable.isPresent()) {
      wait = wait.withLockTimeout(duration(variable.get(), environment.get(variable.get())));
    }
    String statementTimeout = environment.get("MIGRATE_STATEMENT_TIMEOUT");
    if (statementTimeout != null && !statementTimeout.isBlank()) {
      wait = wait.withStatementTimeout(duration("MIGRATE_STATEMENT_TIMEOUT", statementTimeout));
    }
    String retries = environment.get("MIGRATE_LOCK_RETRIES");
    if (retries != null && !retries.isBlank()) {
      try {
        int attempts = Integer.parseInt(retries.strip());
        if (attempts < 1 || attempts > 100) {
          throw new NumberFormatException();
        }
        wait = wait.withAttempts(attempts);
      } catch (NumberFormatException e) {
        throw new InvalidArgument("MIGRATE_LOCK_RETRIES takes how many attempts in all, 1 to 100, not \"" + retries
            + "\"");
      }
    }
    return wait;
  }

  private static Duration duration(String variable, String value) {
    return TableLockWait.parseDuration(value).orElseThrow(() -> new InvalidArgument(variable
        + " takes a duration such as 500ms, 5s or 2min, not \"" + value + "\""));
  }
}
