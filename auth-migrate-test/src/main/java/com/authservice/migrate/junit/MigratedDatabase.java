package com.authservice.migrate.junit;

import com.authservice.migrate.settings.ConnectionSettings;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database a {@link MigratedPostgres} test class works on: where it is, who connects, and the properties that
 * point a Spring Boot application at it.
 */
public record MigratedDatabase(ConnectionSettings settings, String user, String password) {

  public String jdbcUrl() {
    return settings.jdbcUrl();
  }

  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl());
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }

  /** {@code spring.datasource.url}, {@code .username} and {@code .password}, for a {@code @DynamicPropertySource}. */
  public Map<String, String> springProperties() {
    return Map.of("spring.datasource.url", jdbcUrl(), "spring.datasource.username", user,
        "spring.datasource.password", password);
  }

  @Override
  public String toString() {
    return "MigratedDatabase[" + settings + "]";
  }
}
