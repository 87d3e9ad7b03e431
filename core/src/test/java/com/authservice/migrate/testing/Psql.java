package com.authservice.migrate.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs SQL the way a DBA would run the offline script: psql, stopping at the first error. */
public final class Psql {

  private Psql() {
  }

  /** Runs {@code sql} from a file in {@code folder} against {@code db}; fails the test on any error. */
  public static void run(TestDatabase db, String sql, Path folder) throws IOException, InterruptedException {
    Path file = Files.createTempFile(folder, "offline", ".sql");
    Files.writeString(file, sql);
    ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "-h", db.settings().host(), "-p", Integer.toString(db.settings().port()), "-U", db.server().user(),
        "-d", db.name(), "-f", file.toString()).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", db.server().password());
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }
}
