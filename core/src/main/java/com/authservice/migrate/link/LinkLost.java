package com.authservice.migrate.link;

import java.net.SocketException;

/** What a read gets when the watchdog gave its connection up: the reason, where the driver keeps the cause. */
public final class LinkLost extends SocketException {

  public LinkLost(String reason) {
    super(reason);
  }

  /** The watchdog's reason somewhere in {@code failure}'s causes, if it was the watchdog that ended the wait. */
  public static java.util.Optional<String> reasonIn(Throwable failure) {
    for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
      if (cause instanceof LinkLost lost) {
        return java.util.Optional.of(lost.getMessage());
      }
    }
    return java.util.Optional.empty();
  }
}
