package com.authservice.migrate.shell.launch;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.tablelock.TableLockWait;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The two waits under their new names and their old ones; no database. */
class GlobalOptionTest {

  @Test
  void waitForOtherRunAndItsOldNameSetHowLongToWaitForAnotherRun() {
    assertThat(LaunchOptions.parse("--wait-for-other-run", "7", "up").lockTimeout(Map.of()))
        .contains(Duration.ofSeconds(7));
    assertThat(LaunchOptions.parse("--lock-timeout=8", "up").lockTimeout(Map.of())).contains(Duration.ofSeconds(8));
    assertThat(LaunchOptions.parse("up").lockTimeout(Map.of("MIGRATE_WAIT_FOR_OTHER_RUN", "9")))
        .contains(Duration.ofSeconds(9));
    assertThat(LaunchOptions.parse("up").lockTimeout(Map.of("MIGRATE_LOCK_TIMEOUT", "10")))
        .contains(Duration.ofSeconds(10));
    assertThat(LaunchOptions.parse("--wait-for-other-run", "1", "up").command()).containsExactly("up");
  }

  @Test
  void tableLockTimeoutAndItsOldNameSetEachMigrationsLockTimeout() {
    LaunchOptions options = LaunchOptions.parse("--table-lock-timeout", "300ms", "up");
    assertThat(options.lockWait()).contains(Duration.ofMillis(300));
    assertThat(LaunchOptions.parse("--lock-wait", "2s", "up").lockWait()).contains(Duration.ofSeconds(2));
    assertThat(LockWaitSetting.from(Map.of("MIGRATE_TABLE_LOCK_TIMEOUT", "3s"), Optional.empty()))
        .isEqualTo(TableLockWait.DEFAULT.withLockTimeout(Duration.ofSeconds(3)));
    assertThat(LockWaitSetting.from(Map.of("MIGRATE_LOCK_WAIT", "4s"), Optional.empty()))
        .isEqualTo(TableLockWait.DEFAULT.withLockTimeout(Duration.ofSeconds(4)));
  }

  @Test
  void helpNamesTheNewOptionsWithTheirAliases() {
    assertThat(GlobalOption.WAIT_FOR_OTHER_RUN.helpLine()).startsWith("--wait-for-other-run SECONDS")
        .contains("alias --lock-timeout").contains("MIGRATE_WAIT_FOR_OTHER_RUN, MIGRATE_LOCK_TIMEOUT");
    assertThat(GlobalOption.TABLE_LOCK_TIMEOUT.helpLine()).startsWith("--table-lock-timeout DURATION")
        .contains("alias --lock-wait").contains("MIGRATE_TABLE_LOCK_TIMEOUT, MIGRATE_LOCK_WAIT");
  }
}
