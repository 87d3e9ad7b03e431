package com.authservice.migrate.spring;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.PostgresVariables;
import com.authservice.migrate.settings.SettingSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * Which database the starter migrates, first found wins: {@code authmigrate.url}, the application's
 * {@code spring.datasource.url}, the seed's {@code POSTGRES_*} variables (environment or {@code .env}). Messages
 * about a bad value name the property the user wrote, never its password.
 */
final class SpringConnection {

  private static final String SHOWN = "the Spring properties";
  private static final String POSTGRES_URL = "jdbc:postgresql:";

  private SpringConnection() {
  }

  /**
   * Whether one of the three sources is there (a start-up condition). An application whose own data source is
   * not PostgreSQL (H2 in its tests, say) is left alone unless it names a database in {@code authmigrate.url}.
   */
  static boolean isConfigured(Environment environment) {
    return environment.containsProperty("authmigrate.url")
        || environment.getProperty("spring.datasource.url", "").startsWith(POSTGRES_URL)
        || !environment.containsProperty("spring.datasource.url")
            && !PostgresVariables.read(System.getenv(), Path.of("")).isNone();
  }

  static Optional<ConnectionSettings> settings(AuthMigrateProperties properties, Environment environment) {
    if (properties.url() != null) {
      return Optional.of(fromProperties(properties.url(),
          first(properties.user(), environment.getProperty("spring.datasource.username")),
          first(properties.password(), environment.getProperty("spring.datasource.password")),
          properties.schema(), "authmigrate"));
    }
    String applicationUrl = environment.getProperty("spring.datasource.url");
    if (applicationUrl != null) {
      return Optional.of(fromProperties(applicationUrl, environment.getProperty("spring.datasource.username"),
          environment.getProperty("spring.datasource.password"), properties.schema(), "spring.datasource"));
    }
    PostgresVariables variables = PostgresVariables.read(System.getenv(), Path.of(""));
    return variables.isNone() ? Optional.empty() : Optional.of(variables.settings());
  }

  private static ConnectionSettings fromProperties(String url, String user, String password, String schema,
      String prefix) {
    Map<String, String> values = new HashMap<>();
    values.put(ConnectionSettings.JDBC_URL, url);
    putIfSet(values, ConnectionSettings.USER, user);
    putIfSet(values, ConnectionSettings.PASSWORD, password);
    values.put(ConnectionSettings.SCHEMA, schema);
    String urlKey = prefix + ".url";
    Map<String, String> keys = Map.of(ConnectionSettings.JDBC_URL, urlKey, ConnectionSettings.HOST, urlKey,
        ConnectionSettings.PORT, urlKey, ConnectionSettings.DB, urlKey,
        ConnectionSettings.USER, prefix + (prefix.equals("authmigrate") ? ".user" : ".username"),
        ConnectionSettings.PASSWORD, prefix + ".password", ConnectionSettings.SCHEMA, "authmigrate.schema");
    return ConnectionSettings.fromFile(values, SettingSource.file(SHOWN, keys), null);
  }

  private static String first(String value, String fallback) {
    return value != null ? value : fallback;
  }

  private static void putIfSet(Map<String, String> values, String key, String value) {
    if (value != null) {
      values.put(key, value);
    }
  }
}
