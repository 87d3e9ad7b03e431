package com.authservice.migrate.testing;

import com.authservice.migrate.settings.ConnectionSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of PostgreSQL that breaks the links it carries the ways networks do (Toxiproxy's toxics, in
 * test code, since neither its binary nor its image is reachable here): {@link #delay} each chunk, {@link
 * Link#blackhole} one direction (bytes are swallowed, nothing is closed: a vanished peer or a dropped VPN), or {@link
 * Link#reset} (both sides closed at once). Connect through {@link #settings}.
 *
 * <p>A blackholed link's server side is closed after the keepalive time its session asked for in its start-up
 * packet ({@code tcp_keepalives_idle + interval * count} in the {@code options} parameter; the kernel's two hours
 * when it asked for none): on a real network the server's TCP keepalive probes would go unanswered and end the
 * session then, but through a proxy on loopback the proxy's own kernel answers them, so the proxy does what the
 * network would.
 *
 * <p>It also counts what a distant database costs: {@link #exchanges()} (a client's write answered by the server, the
 * wait a round trip of latency adds to) and {@link #bytesToClient()}, over every link.
 */
public final class FaultProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final List<Link> links = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(daemon("fault-proxy"));
  private volatile Duration delay = Duration.ZERO;
  private volatile boolean silent;
  private final AtomicLong exchanges = new AtomicLong();
  private final AtomicLong bytesToClient = new AtomicLong();
  private static final Pattern KEEPALIVE = Pattern.compile("tcp_keepalives_(idle|interval|count)=(\\d+)");
  /** Linux's defaults: 7200 s idle, then 9 probes 75 s apart. */
  private static final Duration KERNEL_KEEPALIVE = Duration.ofSeconds(7200 + 9 * 75);

  private FaultProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = daemon("fault-proxy-accept").newThread(this::accept);
    acceptor.start();
  }

  /** A proxy to the server of {@code settings}. */
  public static FaultProxy to(ConnectionSettings settings) {
    try {
      return new FaultProxy(settings.host(), settings.port());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code direct} with its host and port replaced by this proxy's. */
  public ConnectionSettings settings(ConnectionSettings direct) {
    return new ConnectionSettings("127.0.0.1", listener.getLocalPort(), direct.database(), direct.user(),
        direct.password(), direct.schema(), null);
  }

  /** Every chunk waits {@code each} before it is passed on, in both directions. */
  public FaultProxy delay(Duration each) {
    this.delay = each;
    return this;
  }

  /** The whole network goes silent: every open link is blackholed both ways, and new ones get no answer. */
  public void goSilent() {
    silent = true;
    links.forEach(link -> link.blackhole(true, true));
  }

  /** New links are carried again (blackholed ones stay dead, as TCP connections whose bytes were lost do). */
  public void heal() {
    silent = false;
  }

  /**
   * Round trips so far, on every link: each time the server answers after the client wrote, one; the client's
   * writes before an answer (a pipeline) and the answer's chunks count once together. A client that closes
   * without waiting for an answer (Terminate) adds none.
   */
  public long exchanges() {
    return exchanges.get();
  }

  /** Bytes the server sent to clients so far, on every link. */
  public long bytesToClient() {
    return bytesToClient.get();
  }

  /** The links open now. */
  public List<Link> links() {
    return links.stream().filter(link -> !link.closed).toList();
  }

  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException ignored) {
      // Closing anyway.
    }
    links.forEach(Link::reset);
    timers.shutdownNow();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(targetHost, targetPort);
        Link link = new Link(client, server);
        links.add(link);
        if (silent) {
          link.blackhole(true, true);
        }
        link.start();
      } catch (IOException e) {
        // The listener closed, or the server refused one link: the client sees it closed.
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** One client connection and its server connection. */
  public final class Link {
    private final Socket client;
    private final Socket server;
    private volatile boolean toServerLost;
    private volatile boolean toClientLost;
    private volatile boolean closed;
    /** The client wrote and has had no answer yet. */
    private volatile boolean awaitingAnswer;
    private final StringBuilder startup = new StringBuilder();

    private Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    private void start() {
      daemon("fault-proxy-up").newThread(() -> pump(client, server, true)).start();
      daemon("fault-proxy-down").newThread(() -> pump(server, client, false)).start();
    }

    /** Bytes in the chosen directions are swallowed from now on; nothing is closed. */
    public void blackhole(boolean toServer, boolean toClient) {
      boolean wasCarrying = !toServerLost && !toClientLost;
      toServerLost |= toServer;
      toClientLost |= toClient;
      if (wasCarrying) {
        timers.schedule(() -> close(server), serverKeepalive().toMillis(), TimeUnit.MILLISECONDS);
      }
    }

    /** When the server's keepalive gives up on a silent client, from what the session asked for at start-up. */
    private Duration serverKeepalive() {
      Map<String, Long> asked = new HashMap<>();
      synchronized (startup) {
        Matcher setting = KEEPALIVE.matcher(startup);
        while (setting.find()) {
          asked.put(setting.group(1), Long.parseLong(setting.group(2)));
        }
      }
      if (!asked.containsKey("idle")) {
        return KERNEL_KEEPALIVE;
      }
      return Duration.ofSeconds(asked.get("idle") + asked.getOrDefault("interval", 75L) * asked.getOrDefault("count", 9L));
    }

    /** Both sides closed at once. */
    public void reset() {
      closed = true;
      close(client);
      close(server);
    }

    private void pump(Socket from, Socket to, boolean toServer) {
      byte[] buffer = new byte[16384];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          if (toServer) {
            remember(buffer, read);
          }
          if (toServer ? toServerLost : toClientLost) {
            continue;
          }
          Duration wait = delay;
          if (!wait.isZero()) {
            Thread.sleep(wait.toMillis());
          }
          // Both marks are made before the bytes go on, so that what they cause cannot be seen first.
          if (toServer) {
            awaitingAnswer = true;
          } else {
            bytesToClient.addAndGet(read);
            if (awaitingAnswer) {
              awaitingAnswer = false;
              exchanges.incrementAndGet();
            }
          }
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // One side closed: the link is over.
      }
      if (!(toServer ? toServerLost : toClientLost)) {
        // A side that closed normally closes the other, as TCP would pass the FIN on.
        reset();
      }
    }

    /** The first bytes a client sends: its start-up packet, with the settings it asks for. */
    private void remember(byte[] buffer, int read) {
      synchronized (startup) {
        if (startup.length() < 4096) {
          startup.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
        }
      }
    }

    private void close(Socket socket) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Already closed.
      }
    }
  }
}
