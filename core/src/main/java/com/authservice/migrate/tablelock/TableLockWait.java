package com.authservice.migrate.tablelock;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a migration's statements may wait for a table lock before the migration is rolled back and tried
 * again. While a statement such as ALTER TABLE waits behind a long transaction, every later query on that
 * table queues behind it; {@code lock_timeout} bounds that queue.
 *
 * @param lockTimeout {@code lock_timeout} of every migration transaction
 * @param statementTimeout {@code statement_timeout} of every migration transaction, or null for none
 * @param attempts how many times a migration is tried in all
 * @param backoff the wait before the first retry; it doubles with each further one
 */
public record TableLockWait(Duration lockTimeout, Duration statementTimeout, int attempts, Duration backoff) {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|min|h)");

  public static final TableLockWait DEFAULT = new TableLockWait(Duration.ofSeconds(5), null, 5, Duration.ofSeconds(1));

  public TableLockWait withLockTimeout(Duration timeout) {
    return new TableLockWait(timeout, statementTimeout, attempts, backoff);
  }

  public TableLockWait withStatementTimeout(Duration timeout) {
    return new TableLockWait(lockTimeout, timeout, attempts, backoff);
  }

  public TableLockWait withAttempts(int tries) {
    return new TableLockWait(lockTimeout, statementTimeout, tries, backoff);
  }

  /** {@code 500ms}, {@code 30s}, {@code 2min}, {@code 1h}; empty when {@code text} is none of these. */
  public static Optional<Duration> parseDuration(String text) {
    Matcher value = DURATION.matcher(text.strip());
    if (!value.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(value.group(1));
    return Optional.of(switch (value.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      case "min" -> Duration.ofMinutes(amount);
      default -> Duration.ofHours(amount);
    });
  }

  /** {@code 500 ms}, {@code 5 s}, {@code 2 min}: how messages say a duration. */
  public static String say(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0) {
      return millis / 60_000 + " min";
    }
    return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
  }
}
