package com.authservice.migrate.shell.launch;

import java.util.List;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.ParsedInput;

/**
 * Once-per-process set-ups of the JDK that every command's thread would otherwise stop for, done on a second
 * thread while that one sets up logging and the Spring context (JDK 17: `status` of 1,000 and `help` 1-2% sooner;
 * the same on 25). Each fills a cache of the JDK's own: the command's thread finds the work done, or waits for its end;
 * nothing here reads the database, the scripts or the console's settings. Only what every command uses: the
 * calendar data the PostgreSQL driver's first connection loads (~20 ms) was warmed here too, and made `help`, which
 * never connects, 5% slower for 1% off `status`.
 */
public final class WarmUp {

  private WarmUp() {
  }

  public static void start() {
    Thread thread = new Thread(WarmUp::run, "warm-up");
    thread.setDaemon(true);
    thread.start();
  }

  private static void run() {
    try {
      // The JDK's string concatenation sets itself up on first use; Spring's first one (an object's identity,
      // name@hash, as here) comes while the command's thread still sets up logging.
      String.valueOf(WarmUp.class.getName() + '@' + Integer.toHexString(System.identityHashCode(WarmUp.class)));
      // Spring Shell 4.0.1 formats its CommandContext record into a debug message for every command, logged or
      // not; a record's first toString links method handles the JDK 17 start-up archive does not keep.
      String.valueOf(new CommandContext(new ParsedInput("", List.of(), List.of(), List.of()), null, null, null));
    } catch (RuntimeException e) {
      // Nothing here is needed: whatever failed, the command's own thread meets it again and reports it.
    }
  }
}
