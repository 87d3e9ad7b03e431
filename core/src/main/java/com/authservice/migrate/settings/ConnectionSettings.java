package com.authservice.migrate.settings;

import com.authservice.migrate.errors.InvalidArgument;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Where the database is and who connects. Built from the seed's {@code POSTGRES_*} variables,
 * a {@code .env} file in the working folder (the real environment wins), or a JDBC URL.
 * {@link #toString()} never shows the password, and neither does the URL: a password or user written into
 * {@code POSTGRES_JDBC_URL} is taken out of it and handed to the driver as a property, because the driver
 * logs the URL it connects to.
 */
public record ConnectionSettings(String host, int port, String database, String user, Password password,
    String schema, String jdbcUrl) {

  public static final String HOST = "POSTGRES_HOST";
  public static final String PORT = "POSTGRES_PORT";
  public static final String DB = "POSTGRES_DB";
  public static final String USER = "POSTGRES_USER";
  public static final String PASSWORD = "POSTGRES_PASSWORD";
  public static final String SCHEMA = "POSTGRES_SCHEMA";
  public static final String JDBC_URL = "POSTGRES_JDBC_URL";

  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.]+\\]");
  private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$.\\-]{0,62}");
  private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$.@\\-]{0,62}");
  // Lower case only: the schema is written into SQL unquoted, where PostgreSQL folds case.
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");
  private static final Set<String> CREDENTIALS = Set.of("user", "password");

  public ConnectionSettings {
    require(HOST_NAME, host, HOST);
    require(DATABASE_NAME, database, DB);
    require(USER_NAME, user, USER);
    require(SCHEMA_NAME, schema, SCHEMA);
    if (port < 1 || port > 65535) {
      throw new InvalidArgument(PORT + " must be a port number between 1 and 65535, not " + port);
    }
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    } else if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new InvalidArgument(JDBC_URL + " must start with jdbc:postgresql:");
    }
  }

  /**
   * Settings from the process environment and {@code workingDir/.env}, missing parts filled with defaults;
   * {@link PostgresVariables} says whether they are complete.
   */
  public static ConnectionSettings fromEnvironment(Map<String, String> environment, Path workingDir) {
    return fromVariables(PostgresVariables.read(environment, workingDir).values());
  }

  public static ConnectionSettings fromVariables(Map<String, String> variables) {
    String url = variables.get(JDBC_URL);
    Properties fromUrl = url == null ? new Properties() : parseUrl(url);
    return new ConnectionSettings(
        pick(variables, HOST, fromUrl.getProperty("PGHOST"), "localhost"),
        parsePort(pick(variables, PORT, fromUrl.getProperty("PGPORT"), "5432")),
        pick(variables, DB, fromUrl.getProperty("PGDBNAME"), "auth_service"),
        pick(variables, USER, fromUrl.getProperty("user"), "postgres"),
        new Password(pick(variables, PASSWORD, fromUrl.getProperty("password"), "")),
        pick(variables, SCHEMA, null, "public"),
        url == null ? null : withoutCredentials(url));
  }

  public ConnectionSettings withSchema(String otherSchema) {
    return new ConnectionSettings(host, port, database, user, password, otherSchema, null);
  }

  public ConnectionSettings withDatabase(String otherDatabase) {
    return new ConnectionSettings(host, port, otherDatabase, user, password, schema, null);
  }

  /** How the user names this database: {@code auth_service@localhost:5435}. */
  public String target() {
    return database + "@" + hostAndPort();
  }

  public String hostAndPort() {
    return host + ":" + port;
  }

  /** Driver properties; the password goes only here. */
  public Properties driverProperties() {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    if (!password.isEmpty()) {
      properties.setProperty("password", password.reveal());
    }
    properties.setProperty("ApplicationName", "auth-migrate");
    // search_path, sent at start-up: unqualified names in scripts (the bootstrap's CREATE TABLE ${changelog}
    // too) must land where the changelog, check and stamp look, in the schema alone.
    properties.setProperty("currentSchema", schema);
    properties.setProperty("connectTimeout", "10");
    return properties;
  }

  @Override
  public String toString() {
    return "ConnectionSettings[" + user + " -> " + target() + ", schema " + schema + "]";
  }

  /** The URL without its {@code user} and {@code password} parameters, which go to the driver as properties. */
  private static String withoutCredentials(String url) {
    int query = url.indexOf('?');
    if (query < 0) {
      return url;
    }
    String parameters = Arrays.stream(url.substring(query + 1).split("&"))
        .filter(parameter -> !CREDENTIALS.contains(parameter.split("=", 2)[0]))
        .collect(Collectors.joining("&"));
    return url.substring(0, query) + (parameters.isEmpty() ? "" : "?" + parameters);
  }

  private static String pick(Map<String, String> variables, String key, String fromUrl, String fallback) {
    String value = variables.get(key);
    if (value != null) {
      return value.strip();
    }
    return fromUrl != null ? fromUrl : fallback;
  }

  private static Properties parseUrl(String url) {
    Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
    if (parsed == null) {
      throw new InvalidArgument(JDBC_URL + " is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
    }
    return parsed;
  }

  private static int parsePort(String port) {
    try {
      return Integer.parseInt(port.contains(",") ? port.substring(0, port.indexOf(',')) : port);
    } catch (NumberFormatException e) {
      throw new InvalidArgument(PORT + " must be a number, not \"" + port + "\"");
    }
  }

  private static void require(Pattern pattern, String value, String variable) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new InvalidArgument(variable + " has a value that is not a valid name: \"" + value + "\"");
    }
  }
}
