package com.authservice.migrate.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a real PostgreSQL: a {@link TestDatabase} parameter is a fresh, empty database
 * (one per test method, or per class when asked for in the constructor); a {@link PostgresServer}
 * parameter is the shared server itself.
 */
public final class PostgresExtension implements ParameterResolver {

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestDatabase.class || type == PostgresServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    PostgresServer server = PostgresServer.get();
    return parameter.getParameter().getType() == PostgresServer.class ? server : server.createDatabase();
  }
}
