package com.authservice.migrate;

import com.authservice.migrate.lockwait.LockWait;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.settings.ConnectionSettings;
import java.time.Duration;

/**
 * Everything a {@link Migrations} needs, built in one place by the caller.
 *
 * @param lockTimeout how long a changing command waits for another run's lock
 * @param ignoreModified run even when applied scripts were edited or deleted (the explicit override)
 * @param strictLint lint findings in the scripts to run refuse the run instead of only warning
 * @param lockWait how long each migration's statements may wait for table locks, and how often to retry
 */
public record MigrationConfig(ConnectionSettings connection, ScriptFolder scripts, Duration lockTimeout,
    boolean ignoreModified, boolean strictLint, LockWait lockWait) {

  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

  public MigrationConfig(ConnectionSettings connection, ScriptFolder scripts) {
    this(connection, scripts, DEFAULT_LOCK_TIMEOUT, false, false, LockWait.DEFAULT);
  }

  public MigrationConfig withLockTimeout(Duration timeout) {
    return new MigrationConfig(connection, scripts, timeout, ignoreModified, strictLint, lockWait);
  }

  public MigrationConfig ignoringModified(boolean ignore) {
    return new MigrationConfig(connection, scripts, lockTimeout, ignore, strictLint, lockWait);
  }

  public MigrationConfig withStrictLint(boolean strict) {
    return new MigrationConfig(connection, scripts, lockTimeout, ignoreModified, strict, lockWait);
  }

  public MigrationConfig withLockWait(LockWait wait) {
    return new MigrationConfig(connection, scripts, lockTimeout, ignoreModified, strictLint, wait);
  }
}
