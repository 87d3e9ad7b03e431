package com.authservice.migrate;

import com.authservice.migrate.link.DeadLink;
import com.authservice.migrate.tablelock.TableLockWait;
import java.time.Duration;

/**
 * How a run goes, whichever database it targets: the launch options' part of a {@link MigrationConfig}.
 *
 * @param waitForOtherRun how long a changing command waits for another run to release the migration lock
 * @param ignoreModified run even when applied scripts were edited or deleted (the explicit override)
 * @param force MyBatis' {@code --force}: a migration that fails is rolled back alone and the run goes on
 * @param strictLint lint findings in the scripts to run refuse the run instead of only warning
 * @param tableLockWait how long each migration's statements may wait for table locks (PostgreSQL's
 *     {@code lock_timeout}), and how often to retry
 * @param deadLink how long a connection may go without an answer before the run gives it up as lost
 */
public record RunPolicy(Duration waitForOtherRun, boolean ignoreModified, boolean force, boolean strictLint,
    TableLockWait tableLockWait, DeadLink deadLink) {

  public static final Duration DEFAULT_WAIT_FOR_OTHER_RUN = Duration.ofSeconds(60);

  public static final RunPolicy DEFAULT = new RunPolicy(DEFAULT_WAIT_FOR_OTHER_RUN, false, false, false,
      TableLockWait.DEFAULT, DeadLink.DEFAULT);

  public RunPolicy waitingForOtherRun(Duration wait) {
    return new RunPolicy(wait, ignoreModified, force, strictLint, tableLockWait, deadLink);
  }

  public RunPolicy ignoringModified(boolean ignore) {
    return new RunPolicy(waitForOtherRun, ignore, force, strictLint, tableLockWait, deadLink);
  }

  public RunPolicy forcing(boolean continuePastFailures) {
    return new RunPolicy(waitForOtherRun, ignoreModified, continuePastFailures, strictLint, tableLockWait, deadLink);
  }

  public RunPolicy withStrictLint(boolean strict) {
    return new RunPolicy(waitForOtherRun, ignoreModified, force, strict, tableLockWait, deadLink);
  }

  public RunPolicy withTableLockWait(TableLockWait wait) {
    return new RunPolicy(waitForOtherRun, ignoreModified, force, strictLint, wait, deadLink);
  }

  public RunPolicy withDeadLink(DeadLink detection) {
    return new RunPolicy(waitForOtherRun, ignoreModified, force, strictLint, tableLockWait, detection);
  }
}
