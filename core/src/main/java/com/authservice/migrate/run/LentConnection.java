package com.authservice.migrate.run;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * What a connection pool hands out: the kept connection itself, except that {@code close()} gives it back
 * instead of closing it, so code that closes what it opened can run on a connection its caller keeps.
 */
final class LentConnection {

  private LentConnection() {
  }

  static Connection of(Connection kept) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close") && method.getParameterCount() == 0) {
            return null;
          }
          try {
            return method.invoke(kept, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
