package com.authservice.migrate.shell.launch;

import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The console prints results, not logs: java.util.logging is switched off unless {@code --debug}, which
 * shows everything on stderr. Set before Spring starts so nothing logs before it is decided.
 */
public final class ConsoleLogging {

  private ConsoleLogging() {
  }

  public static void configure(boolean debug) {
    // Spring Boot would otherwise set up its own logging system, which costs start-up time for no output.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    if (!debug) {
      root.setLevel(Level.OFF);
      return;
    }
    root.setLevel(Level.FINE);
    Handler handler = new ConsoleHandler();
    handler.setLevel(Level.FINE);
    root.addHandler(handler);
  }
}
