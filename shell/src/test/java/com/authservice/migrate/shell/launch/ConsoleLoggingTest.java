package com.authservice.migrate.shell.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** --debug logs go to the run's stderr, and a password value in any record is masked. */
class ConsoleLoggingTest {

  @AfterEach
  void quiet() {
    ConsoleLogging.configure(false, System.err);
  }

  @Test
  void debugLogsMaskEveryPasswordValue() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ConsoleLogging.configure(true, new PrintStream(err, true, StandardCharsets.UTF_8));

    Logger.getLogger("org.postgresql.Driver").log(Level.FINE, "Connecting with URL: {0}",
        "jdbc:postgresql://db/auth?password=s3cret&sslmode=require");
    Logger.getLogger("other").fine("options: PASSWORD=hunter2, user=app");

    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Connecting with URL: jdbc:postgresql://db/auth?"
        + "password=***&sslmode=require").contains("PASSWORD=***, user=app")
        .doesNotContain("s3cret").doesNotContain("hunter2");
  }

  @Test
  void withoutDebugNothingIsLogged() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ConsoleLogging.configure(false, new PrintStream(err, true, StandardCharsets.UTF_8));

    Logger.getLogger("org.postgresql.Driver").severe("password=s3cret");

    assertThat(err.size()).isZero();
  }
}
