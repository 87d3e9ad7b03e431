package com.authservice.migrate.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** The psql client, run as a DBA runs an offline script: {@code ON_ERROR_STOP}, so the first error fails it. */
public final class Psql {

  private Psql() {
  }

  /** Runs {@code sql} on {@code db} and returns what psql printed; throws with that output when psql fails. */
  public static String run(TestDatabase db, String sql) {
    ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
        "-h", db.settings().host(), "-p", Integer.toString(db.settings().port()), "-U", db.server().user(),
        "-d", db.name(), "-f", "-").redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", db.server().password());
    try {
      Process process = builder.start();
      try (OutputStream in = process.getOutputStream()) {
        in.write(sql.getBytes(StandardCharsets.UTF_8));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("psql did not finish within 60 s: " + output);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException("psql failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
