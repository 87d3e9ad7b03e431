package com.authservice.migrate.shell.launch;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import java.util.regex.Pattern;

/**
 * The console prints results, not logs: java.util.logging is switched off unless {@code --debug}, which
 * shows everything on the run's stderr. Set before Spring starts so nothing logs before it is decided.
 * Debug output is pasted into tickets: a {@code password=} value in any record is masked, whatever logged it.
 */
public final class ConsoleLogging {

  private static final Pattern PASSWORD_VALUE = Pattern.compile("(?i)(password=)[^&\\s;,)\\]}]*");

  private ConsoleLogging() {
  }

  public static void configure(boolean debug, PrintStream err) {
    // Spring Boot would otherwise set up its own logging system, which costs start-up time for no output.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    if (!debug) {
      root.setLevel(Level.OFF);
      return;
    }
    root.setLevel(Level.FINE);
    root.addHandler(new ErrHandler(err));
  }

  /** What a record says, with password values masked. */
  static String masked(String text) {
    return PASSWORD_VALUE.matcher(text).replaceAll("$1***");
  }

  /** Like the JDK's ConsoleHandler, on the run's own stderr: flushed after each record, never closed. */
  private static final class ErrHandler extends StreamHandler {

    ErrHandler(PrintStream err) {
      super(err, new Formatter() {
        private final Formatter plain = new SimpleFormatter();

        @Override
        public String format(LogRecord record) {
          return masked(plain.format(record));
        }
      });
      setLevel(Level.FINE);
    }

    @Override
    public synchronized void publish(LogRecord record) {
      super.publish(record);
      flush();
    }

    @Override
    public synchronized void close() {
      flush();
    }
  }
}
