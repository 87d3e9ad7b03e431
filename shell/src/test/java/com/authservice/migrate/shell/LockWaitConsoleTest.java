package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `up` behind a long transaction: it reports who blocks it, retries, and gives up with exit 1. */
@ExtendWith(PostgresExtension.class)
class LockWaitConsoleTest {

  @TempDir
  Path dir;

  @Test
  void upReportsTheBlockerRetriesAndExitsOneWhenRetriesRunOut(TestDatabase db) throws Exception {
    Console console = Console.inCheckout(dir, db.settings());
    assertThat(console.run("up").exitCode()).isZero();
    Files.writeString(dir.resolve("migrations/scripts/20251120000000_Add_nickname_to_users.sql"), """
        -- // Add nickname to users
        ALTER TABLE users ADD COLUMN nickname text;
        """);

    try (Connection blocker = db.connect(); Statement statement = blocker.createStatement()) {
      blocker.setAutoCommit(false);
      statement.execute("set application_name = 'long-report'");
      statement.execute("select count(*) from users");

      // 1 s, not less: the blocker is read from a second connection during the wait, which on a loaded machine
      // took longer than a 300 ms wait to open, and the attempt then named no blocker.
      Run run = console.with("MIGRATE_LOCK_RETRIES", "2").run("--lock-wait", "1s", "up");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains("20251120000000_Add_nickname_to_users.sql could not get its locks within "
          + "1 s (attempt 1 of 2), rolled back; blocked by pid").contains("(long-report)")
          .contains("retrying in 1 s")
          .contains("Error: 20251120000000_Add_nickname_to_users.sql could not get its locks within 1 s in 2 "
              + "attempts; blocked by pid");
    }
    assertThat(db.query("select 1 from information_schema.columns where column_name = 'nickname'")).isEmpty();
    assertThat(db.appliedIds()).doesNotContain("20251120000000");
  }

  @Test
  void theLockWaitFlagWinsOverTheSettingAndAnUnreadableOneIsAUsageError(TestDatabase db) {
    Run flag = Console.inCheckout(dir, db.settings()).with("MIGRATE_LOCK_WAIT", "5s").run("--lock-wait", "later",
        "up");
    assertThat(flag.exitCode()).isEqualTo(2);
    assertThat(flag.err()).isEqualTo("Error: --lock-wait takes a duration such as 500ms, 5s or 2min, not \"later\"\n");
  }

  @Test
  void anUnreadableLockWaitIsAUsageError(TestDatabase db) {
    Run run = Console.inCheckout(dir, db.settings()).with("MIGRATE_LOCK_WAIT", "soon").run("up");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("Error: MIGRATE_LOCK_WAIT takes a duration such as 500ms, 5s or 2min, "
        + "not \"soon\"\n");
  }
}
