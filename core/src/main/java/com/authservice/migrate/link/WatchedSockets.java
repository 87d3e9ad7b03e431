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

  /** A socket that tells its watch when a read waits, and why it was closed under the reader. */
  private static final class WatchedSocket extends Socket {
    private final LinkWatch watch;
    private InputStream input;

    WatchedSocket(LinkWatch watch) {
      this.watch = watch;
      watch.watching(this);
    }

    @Override
    public synchronized InputStream getInputStream() throws IOException {
      if (input == null) {
        input = new WatchedInput(super.getInputStream(), watch);
      }
      return input;
    }

    @Override
    public synchronized void close() throws IOException {
      watch.closed(this);
      super.close();
    }
  }

  private static final class WatchedInput extends FilterInputStream {
    private final LinkWatch watch;

    WatchedInput(InputStream in, LinkWatch watch) {
      super(in);
      this.watch = watch;
    }

    @Override
    public int read() throws IOException {
      long since = watch.readStarted();
      try {
        return super.read();
      } catch (IOException e) {
        throw watch.explain(e);
      } finally {
        watch.readEnded(since);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      long since = watch.readStarted();
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw watch.explain(e);
      } finally {
        watch.readEnded(since);
      }
    }
  }
}
