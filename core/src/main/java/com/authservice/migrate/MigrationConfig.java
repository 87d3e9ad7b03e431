package com.authservice.migrate;

import com.authservice.migrate.guard.ChangeGuard;
import com.authservice.migrate.guard.Confirmation;
import com.authservice.migrate.link.DeadLink;
import com.authservice.migrate.lockwait.LockWait;
import com.authservice.migrate.mybatis.IdPattern;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.settings.ConnectionSettings;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything a {@link Migrations} needs, built in one place by the caller.
 *
 * @param lockTimeout how long a changing command waits for another run's lock
 * @param ignoreModified run even when applied scripts were edited or deleted (the explicit override)
 * @param protectedEnvironment the name of the environment when it is protected: every change to it needs confirmation
 * @param confirmation who says yes to what the {@link com.authservice.migrate.guard.ChangeGuard} stops
 * @param force MyBatis' {@code --force}: a migration that fails is rolled back alone and the run goes on
 * @param idPattern MyBatis' {@code --idpattern} for new scripts; without it, the repository's setting
 * @param strictLint lint findings in the scripts to run refuse the run instead of only warning
 * @param lockWait how long each migration's statements may wait for table locks, and how often to retry
 * @param deadLink how long a connection may go without an answer before the run gives it up as lost
 */
public record MigrationConfig(ConnectionSettings connection, ScriptFolder scripts, Duration lockTimeout,
    boolean ignoreModified, Optional<String> protectedEnvironment, Confirmation confirmation, boolean force,
    Optional<IdPattern> idPattern, boolean strictLint, LockWait lockWait, DeadLink deadLink) {

  public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(60);

  public MigrationConfig(ConnectionSettings connection, ScriptFolder scripts) {
    this(connection, scripts, DEFAULT_LOCK_TIMEOUT, false, Optional.empty(), Confirmation.REFUSE, false,
        Optional.empty(), false, LockWait.DEFAULT, DeadLink.DEFAULT);
  }

  /** The check every change to this target passes: protected environment, confirmation, where. */
  public ChangeGuard changeGuard() {
    return new ChangeGuard(protectedEnvironment, confirmation, connection.target());
  }

  /** The same settings for another database or schema (a member of a fleet). */
  public MigrationConfig withConnection(ConnectionSettings other) {
    return new MigrationConfig(other, scripts, lockTimeout, ignoreModified, protectedEnvironment, confirmation,
        force, idPattern, strictLint, lockWait, deadLink);
  }

  public MigrationConfig withLockTimeout(Duration timeout) {
    return new MigrationConfig(connection, scripts, timeout, ignoreModified, protectedEnvironment, confirmation,
        force, idPattern, strictLint, lockWait, deadLink);
  }

  public MigrationConfig ignoringModified(boolean ignore) {
    return new MigrationConfig(connection, scripts, lockTimeout, ignore, protectedEnvironment, confirmation,
        force, idPattern, strictLint, lockWait, deadLink);
  }

  /** The target is the protected environment {@code name}. */
  public MigrationConfig protectedAs(String name) {
    return new MigrationConfig(connection, scripts, lockTimeout, ignoreModified, Optional.of(name), confirmation,
        force, idPattern, strictLint, lockWait, deadLink);
  }

  public MigrationConfig confirmingWith(Confirmation answer) {
    return new MigrationConfig(connection, scripts, lockTimeout, ignoreModified, protectedEnvironment, answer,
        force, idPattern, strictLint, lockWait, deadLink);
  }

  public MigrationConfig forcing(boolean continuePastFailures) {
    return new MigrationConfig(connection, scripts, lockTimeout, ignoreModified, protectedEnvironment, confirmation,
        continuePastFailures, idPattern, strictLint, lockWait, deadLink);
  }

  public MigrationConfig withIdPattern(Optional<IdPattern> pattern) {
    return new MigrationConfig(connection, scripts, lockTimeout, ignoreModified, protectedEnvironment, confirmation,
        force, pattern, strictLint, lockWait, deadLink);
  }

  public MigrationConfig withStrictLint(boolean strict) {
    return new MigrationConfig(connection, scripts, lockTimeout, ignoreModified, protectedEnvironment, confirmation,
        force, idPattern, strict, lockWait, deadLink);
  }

  public MigrationConfig withLockWait(LockWait wait) {
    return new MigrationConfig(connection, scripts, lockTimeout, ignoreModified, protectedEnvironment, confirmation,
        force, idPattern, strictLint, wait, deadLink);
  }

  public MigrationConfig withDeadLink(DeadLink detection) {
    return new MigrationConfig(connection, scripts, lockTimeout, ignoreModified, protectedEnvironment, confirmation,
        force, idPattern, strictLint, lockWait, detection);
  }
}
