package com.authservice.migrate.link;

import com.authservice.migrate.errors.InvalidArgument;
import java.time.Duration;

/**
 * How soon a connection that gets no answer is given up as lost, on both ends: the server's keepalive probes of
 * the client ({@link #serverOptions}) end a vanished client's session, and with it the migration lock, within
 * {@code timeout}; the client's watchdog ({@link LinkWatch}) ends a wait for an answer that will not come within
 * {@code timeout} too. The kernel's defaults would take two hours.
 *
 * @param timeout from the last answer to the lost connection being noticed
 */
public record DeadLink(Duration timeout) {

  public static final String VARIABLE = "MIGRATE_DEAD_LINK_TIMEOUT";
  private static final Duration SHORTEST = Duration.ofSeconds(1);
  public static final DeadLink DEFAULT = new DeadLink(Duration.ofSeconds(20));

  public DeadLink {
    if (timeout == null || timeout.compareTo(SHORTEST) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new InvalidArgument(VARIABLE + " takes a duration from 1s to 1h, not "
          + (timeout == null ? "nothing" : timeout.toMillis() + "ms"));
    }
  }

  /** How often the watchdog looks, and how long it lets one probe take: four looks fit in the timeout. */
  public Duration probeInterval() {
    return timeout.dividedBy(4);
  }

  /**
   * The server-side settings, sent in the start-up packet (the {@code options} connection property) so they cost
   * no round trip: keepalive probes after half the timeout of silence, three more spread over the other half; and
   * a check for a closed client socket every second while a statement runs (PostgreSQL 14+).
   */
  public String serverOptions(boolean withConnectionCheck) {
    long idle = Math.max(1, timeout.toSeconds() / 2);
    long interval = Math.max(1, (timeout.toSeconds() - idle) / 3);
    return "-c tcp_keepalives_idle=" + idle + " -c tcp_keepalives_interval=" + interval
        + " -c tcp_keepalives_count=3" + (withConnectionCheck ? " -c client_connection_check_interval=1000" : "");
  }

  /** Whole seconds for pgjdbc's second-based timeouts, never 0 (which pgjdbc reads as "no timeout"). */
  public static int seconds(Duration duration) {
    return (int) Math.max(1, (duration.toMillis() + 999) / 1000);
  }
}
