package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPL of the built console (jar or native executable, see {@link PackagedConsole}) in a real terminal:
 * a tmux pane ({@link TmuxScreen}), typed into and read back from the screen.
 */
@ExtendWith(PostgresExtension.class)
class ReplProcessTest {

  @TempDir
  Path dir;

  private final TmuxScreen screen = new TmuxScreen("repl-test");

  @AfterEach
  void stopTmux() throws Exception {
    screen.close();
  }

  @Test
  void theReplCompletesRunsCommandsAndExitsCleanly(TestDatabase db) throws Exception {
    assumeThat(screen.installed()).as("tmux is installed").isTrue();
    screen.start(dir, 120, new PackagedConsole(dir, db.settings()).environment(), "");

    screen.await("@" + db.settings().host() + ":" + db.settings().port() + ">");   // tmux trims the trailing space
    screen.type("vers");   // "ver" is shared with verify
    screen.press("Tab");
    screen.await("> version");
    screen.press("C-u");
    screen.typeLine("status");
    screen.await("0 applied, 3 pending");
    screen.typeLine("up");
    screen.await("Applied 3 migration(s)");
    screen.typeLine("exit");
    String shown = screen.await("console exited with ");

    assertThat(shown).contains("console exited with 0").doesNotContain("Exception");
    assertThat(db.appliedIds()).hasSize(3);
  }
}
