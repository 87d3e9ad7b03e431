package com.authservice.migrate.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the annotated test class a fresh database on a real PostgreSQL, migrated to head by the same {@code up}
 * as the console and the starter, once before its first test. Test methods and constructors receive it as a
 * {@link MigratedDatabase}, a {@link javax.sql.DataSource} or a {@code String} parameter annotated
 * {@link JdbcUrl}. The server is core's test server: {@code MIGRATE_TEST_JDBC_URL} when set, else a Testcontainers
 * container when a Docker engine can run one (never, with {@code MIGRATE_TEST_DOCKER=false}), else an embedded one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(MigratedPostgresExtension.class)
public @interface MigratedPostgres {

  /** The MyBatis repository to apply, as {@code authmigrate.location} names it: classpath: or file:. */
  String location() default "classpath:db/migrations";
}
