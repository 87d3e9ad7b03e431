package com.authservice.migrate.link;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * pgjdbc's {@code socketFactory}: sockets whose reads a {@link LinkWatch} sees waiting, so that it can tell a
 * statement that runs long from an answer that will not come. pgjdbc creates one factory per connection, with the
 * watch's key as {@code socketFactoryArg}.
 */
public final class WatchedSockets extends SocketFactory {

  private final LinkWatch watch;

  public WatchedSockets(String watchKey) {
    this.watch = LinkWatch.registered(watchKey);
  }

  @Override
  public Socket createSocket() {
    return new WatchedSocket(watch);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    throw new IOException("pgjdbc connects the sockets it creates itself");
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
    throw new IOException("pgjdbc connects the sockets it creates itself");
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    throw new IOException("pgjdbc connects the sockets it creates itself");
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress local, int localPort) throws IOException {
    throw new IOException("pgjdbc connects the sockets it creates itself");
  }

  /** A socket that shows how long a read on it has waited, and says why when its watch closed it under the reader. */
  static final class WatchedSocket extends Socket {
    private final LinkWatch watch;
    private volatile long readingSince;
    private InputStream input;

    WatchedSocket(LinkWatch watch) {
      this.watch = watch;
      watch.watching(this);
    }

    /** When the read that waits now started ({@link System#nanoTime()}), or 0 when none waits. */
    long readingSince() {
      return readingSince;
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (input == null) {
        input = new WatchedInput(super.getInputStream(), this);
      }
      return input;
    }

    @Override
    public synchronized void close() throws IOException {
      watch.closed(this);
      super.close();
    }

    private long readStarted() {
      long now = Math.max(1, System.nanoTime());
      readingSince = now;
      return now;
    }

    private void readEnded() {
      readingSince = 0;
    }
  }

  private static final class WatchedInput extends FilterInputStream {
    private final WatchedSocket socket;

    WatchedInput(InputStream in, WatchedSocket socket) {
      super(in);
      this.socket = socket;
    }

    @Override
    public int read() throws IOException {
      socket.readStarted();
      try {
        return super.read();
      } catch (IOException e) {
        throw socket.watch.explain(socket, e);
      } finally {
        socket.readEnded();
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      socket.readStarted();
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw socket.watch.explain(socket, e);
      } finally {
        socket.readEnded();
      }
    }
  }
}
