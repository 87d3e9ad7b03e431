package com.authservice.migrate.link;

import com.authservice.migrate.settings.ConnectionSettings;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * The watchdog of one connection. While a read on it has waited longer than the probe interval, it asks the
 * server on a second connection what the session is doing ({@link LivenessProbe}): a session that works (a long
 * migration, a wait for a table lock) is left alone however long it takes; one that is gone, or that sits waiting
 * for this client twice in a row, or a server that cannot be reached at all, means the answer will not come, and
 * the watchdog closes the socket so the waiting thread gets an error instead of waiting for TCP's two hours.
 * A timeout on the socket would do it more simply but would also cut long migrations.
 */
public final class LinkWatch implements AutoCloseable {

  private static final Map<String, LinkWatch> STARTING = new ConcurrentHashMap<>();
  private static final ThreadFactory DAEMONS = runnable -> {
    Thread thread = new Thread(runnable, "auth-migrate link watchdog");
    thread.setDaemon(true);
    return thread;
  };
  private static final ScheduledExecutorService TICKS = Executors.newSingleThreadScheduledExecutor(DAEMONS);
  private static final ExecutorService PROBES = Executors.newCachedThreadPool(DAEMONS);

  private static final AtomicLong KEYS = new AtomicLong();

  private final String key = "link-" + KEYS.incrementAndGet();
  private final DeadLink deadLink;
  private final ConnectionSettings settings;
  /** The connection's socket: the last one pgjdbc made before the connection opened (not a cancel request's). */
  private volatile WatchedSockets.WatchedSocket socket;
  private volatile boolean attached;
  private volatile String lost;
  private volatile boolean probing;
  private int pid;
  private ScheduledFuture<?> ticks;
  private LivenessProbe probe;
  private long suspectedRead;
  private int waitsOnClient;
  private long firstWaitSeen;

  private LinkWatch(DeadLink deadLink, ConnectionSettings settings) {
    this.deadLink = deadLink;
    this.settings = settings;
  }

  /** A watch for a connection about to be opened; pgjdbc finds it by {@link #key()}. */
  public static LinkWatch starting(DeadLink deadLink, ConnectionSettings settings) {
    LinkWatch watch = new LinkWatch(deadLink, settings);
    STARTING.put(watch.key, watch);
    return watch;
  }

  static LinkWatch registered(String key) {
    LinkWatch watch = STARTING.get(key);
    if (watch == null) {
      throw new IllegalStateException("no link watch " + key);
    }
    return watch;
  }

  public String key() {
    return key;
  }

  /** The connection is open: from now on its reads are watched. */
  public synchronized void attach(Connection connection) throws SQLException {
    STARTING.remove(key);
    pid = connection.unwrap(PGConnection.class).getBackendPID();
    attached = true;
    long every = Math.max(1, deadLink.probeInterval().toMillis() / 2);
    ticks = TICKS.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
  }

  /** The connection could not be opened, or is closed. */
  @Override
  public synchronized void close() {
    STARTING.remove(key);
    if (ticks != null) {
      ticks.cancel(false);
    }
    if (probe != null) {
      probe.close();
      probe = null;
    }
  }

  void watching(WatchedSockets.WatchedSocket created) {
    if (!attached) {
      socket = created;
    }
  }

  void closed(WatchedSockets.WatchedSocket closing) {
    if (attached && closing == socket) {
      PROBES.execute(this::close);
    }
  }

  /** The watchdog's reason in place of the bare "Socket closed" a read gets when the watchdog closed the socket. */
  IOException explain(WatchedSockets.WatchedSocket reading, IOException failure) {
    String reason = lost;
    if (reason == null || reading != socket) {
      return failure;
    }
    LinkLost explained = new LinkLost(reason);
    explained.initCause(failure);
    return explained;
  }

  private void tick() {
    long since = socket.readingSince();
    if (since == 0 || System.nanoTime() - since < deadLink.probeInterval().toNanos() || probing || lost != null) {
      return;
    }
    probing = true;
    PROBES.execute(() -> {
      try {
        probe(since);
      } finally {
        probing = false;
      }
    });
  }

  private synchronized void probe(long since) {
    if (ticks == null || ticks.isCancelled()) {
      return;
    }
    if (since != suspectedRead) {
      suspectedRead = since;
      waitsOnClient = 0;
    }
    if (probe == null) {
      probe = new LivenessProbe(settings, deadLink);
    }
    LivenessProbe.Verdict verdict = probe.check(pid);
    if (socket.readingSince() != since) {
      return; // the answer came while the probe asked
    }
    String noAnswer = "no answer for " + Math.max(1, (System.nanoTime() - since) / 1_000_000_000L) + " s";
    switch (verdict) {
      case WORKING -> waitsOnClient = 0;
      case WAITING_FOR_CLIENT -> {
        // Once may be an answer still on its way; still so a probe interval later, it was lost.
        long now = System.nanoTime();
        if (waitsOnClient++ == 0) {
          firstWaitSeen = now;
        } else if (now - firstWaitSeen >= deadLink.probeInterval().toNanos()) {
          giveUp(noAnswer + ", while the server's session " + pid + " waited for this client: the network "
              + "between them dropped what was sent");
        }
      }
      case GONE -> giveUp(noAnswer + ", and the server's session " + pid + " is gone");
      case UNREACHABLE -> giveUp(noAnswer + ", and a second connection could not reach the server within "
          + DeadLink.seconds(deadLink.probeInterval()) + " s");
    }
  }

  private void giveUp(String reason) {
    lost = reason;
    try {
      socket.close();
    } catch (IOException ignored) {
      // Closed already: the reader has its error.
    }
  }
}
