package com.authservice.migrate.junit;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.spring.ScriptLocation;
import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.TestDatabase;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@link MigratedPostgres}: one database per test class on core's shared test server, migrated to head before the
 * first test. A migration that fails fails the class with core's one-line message.
 */
public final class MigratedPostgresExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(MigratedPostgresExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    database(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == MigratedDatabase.class || type == DataSource.class
        || type == String.class && parameter.isAnnotated(JdbcUrl.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    MigratedDatabase database = database(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == DataSource.class) {
      return database.dataSource();
    }
    return type == String.class ? database.jdbcUrl() : database;
  }

  /** The class's database, created and migrated on first use; nested classes share their outer class's. */
  private static MigratedDatabase database(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    while (!testClass.isAnnotationPresent(MigratedPostgres.class)) {
      testClass = testClass.getEnclosingClass();
      if (testClass == null) {
        throw new IllegalStateException("MigratedPostgresExtension needs @MigratedPostgres on the test class");
      }
    }
    MigratedPostgres settings = testClass.getAnnotation(MigratedPostgres.class);
    ClassLoader loader = testClass.getClassLoader();
    return context.getRoot().getStore(NAMESPACE).computeIfAbsent(testClass,
        key -> migrate(settings.location(), loader), MigratedDatabase.class);
  }

  private static MigratedDatabase migrate(String location, ClassLoader loader) {
    PostgresServer server = PostgresServer.get();
    TestDatabase database = server.createDatabase();
    new Migrations(new MigrationConfig(database.settings(), ScriptLocation.resolve(location, loader)))
        .up(Target.head(), RunListener.NONE);
    return new MigratedDatabase(database.settings(), server.user(), server.password());
  }
}
