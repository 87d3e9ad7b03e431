package com.authservice.migrate.settings;

import com.authservice.migrate.errors.InvalidArgument;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where the database is and who connects. Built from the seed's {@code POSTGRES_*} variables, {@code DATABASE_URL},
 * a {@code .env} file in the working folder (the real environment wins), or a definition file; {@code source}
 * says which, so that every message names the variable or the file and key the user wrote.
 * {@link #toString()} never shows the password, and neither does the URL: a password or user written into a URL
 * is taken out of it ({@link ConnectionUrl}) and handed to the driver as a property, because the driver logs the
 * URL it connects to.
 */
public record ConnectionSettings(String host, int port, String database, String user, Password password,
    String schema, String jdbcUrl, SettingSource source) {

  public static final String HOST = "POSTGRES_HOST";
  public static final String PORT = "POSTGRES_PORT";
  public static final String DB = "POSTGRES_DB";
  public static final String USER = "POSTGRES_USER";
  public static final String PASSWORD = "POSTGRES_PASSWORD";
  public static final String SCHEMA = "POSTGRES_SCHEMA";
  public static final String JDBC_URL = "POSTGRES_JDBC_URL";
  /** The convention of Heroku, Render, Fly, dbmate and Rails: {@code postgresql://user:password@host:port/db}. */
  public static final String DATABASE_URL = "DATABASE_URL";

  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._\\-]+|\\[[0-9A-Fa-f:.]+\\]");
  private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$.\\-]{0,62}");
  private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$.@\\-]{0,62}");
  // Lower case only: the schema is written into SQL unquoted, where PostgreSQL folds case.
  private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");
  /** What the seed's variables fall back to; a definition file has no fallback for host, database and user. */
  private static final Map<String, String> SEED_DEFAULTS = Map.of(HOST, "localhost", PORT, "5432",
      DB, "auth_service", USER, "postgres", SCHEMA, "public");
  private static final Map<String, String> FILE_DEFAULTS = Map.of(PORT, "5432", SCHEMA, "public");
  private static final Map<String, String> WORDS = Map.of(HOST, "host", PORT, "port", DB, "database", USER, "user",
      PASSWORD, "password", SCHEMA, "schema");

  public ConnectionSettings {
    source = source == null ? SettingSource.variables() : source;
    require(HOST_NAME, host, source.name(HOST));
    require(DATABASE_NAME, database, source.name(DB));
    require(USER_NAME, user, source.name(USER));
    require(SCHEMA_NAME, schema, source.name(SCHEMA));
    if (port < 1 || port > 65535) {
      throw new InvalidArgument(source.name(PORT) + " must be a port number between 1 and 65535, not " + port);
    }
    if (jdbcUrl == null || jdbcUrl.isBlank()) {
      jdbcUrl = "jdbc:postgresql://" + host + ":" + port + "/" + database;
    } else if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new InvalidArgument(source.name(JDBC_URL) + " must start with jdbc:postgresql:");
    }
  }

  /** Settings written in the seed's variables. */
  public ConnectionSettings(String host, int port, String database, String user, Password password, String schema,
      String jdbcUrl) {
    this(host, port, database, user, password, schema, jdbcUrl, SettingSource.variables());
  }

  /**
   * Settings from the process environment and {@code workingDir/.env}, missing parts filled with defaults;
   * {@link PostgresVariables} says whether they are complete.
   */
  public static ConnectionSettings fromEnvironment(Map<String, String> environment, Path workingDir) {
    return fromVariables(PostgresVariables.read(environment, workingDir).values());
  }

  /** The seed's variables, missing parts filled with its defaults (localhost, 5432, auth_service, postgres). */
  public static ConnectionSettings fromVariables(Map<String, String> variables) {
    return from(variables, SettingSource.variables(), SEED_DEFAULTS);
  }

  /**
   * What a definition file gives, its keys read into the variables they stand for: host, database and user must
   * be there (or in its URL), because a default here would migrate another database than the file means;
   * {@code database} may name the one to use when the file does not.
   */
  public static ConnectionSettings fromFile(Map<String, String> variables, SettingSource source, String database) {
    Map<String, String> defaults = new HashMap<>(FILE_DEFAULTS);
    if (database != null) {
      defaults.put(DB, database);
    }
    return from(variables, source, defaults);
  }

  private static ConnectionSettings from(Map<String, String> variables, SettingSource source,
      Map<String, String> defaults) {
    String urlVariable = variables.containsKey(JDBC_URL) ? JDBC_URL : DATABASE_URL;
    String url = variables.get(urlVariable);
    ConnectionUrl parsed = url == null ? null : ConnectionUrl.parse(url.strip(), source.name(urlVariable));
    Map<String, String> fromUrl = new HashMap<>();
    if (parsed != null) {
      putIfSet(fromUrl, HOST, parsed.host());
      putIfSet(fromUrl, PORT, parsed.port() == null ? null : parsed.port().toString());
      putIfSet(fromUrl, DB, parsed.database());
      putIfSet(fromUrl, USER, parsed.user());
      putIfSet(fromUrl, PASSWORD, parsed.password());
    }
    SettingSource named = source;
    Map<String, String> values = new HashMap<>(defaults);
    values.put(PASSWORD, "");
    for (String variable : List.of(HOST, PORT, DB, USER, PASSWORD, SCHEMA)) {
      String value = variables.get(variable);
      if (value != null && !value.isBlank()) {
        values.put(variable, value.strip());
      } else if (fromUrl.containsKey(variable)) {
        values.put(variable, fromUrl.get(variable));
        named = named.naming(variable, "the " + WORDS.get(variable) + " in " + source.name(urlVariable), source.key(urlVariable));
      } else if (!values.containsKey(variable)) {
        throw new InvalidArgument(source.file() + " names no " + WORDS.get(variable) + ": add "
            + source.key(variable) + "= (or url=)");
      }
    }
    return new ConnectionSettings(values.get(HOST), parsePort(values.get(PORT), named.name(PORT)), values.get(DB),
        values.get(USER), new Password(values.get(PASSWORD)), values.get(SCHEMA),
        parsed == null ? null : parsed.jdbcUrl(), named);
  }

  public ConnectionSettings withSchema(String otherSchema) {
    return new ConnectionSettings(host, port, database, user, password, otherSchema, null, source);
  }

  public ConnectionSettings withDatabase(String otherDatabase) {
    return new ConnectionSettings(host, port, otherDatabase, user, password, schema, null, source);
  }

  /** The same settings, with messages naming {@code variable}'s value {@code label} and fixed in {@code origin}. */
  public ConnectionSettings naming(String variable, String label, String origin) {
    return new ConnectionSettings(host, port, database, user, password, schema, jdbcUrl,
        source.naming(variable, label, origin));
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

  private static void putIfSet(Map<String, String> values, String key, String value) {
    if (value != null && !value.isBlank()) {
      values.put(key, value);
    }
  }

  private static int parsePort(String port, String label) {
    try {
      return Integer.parseInt(port.contains(",") ? port.substring(0, port.indexOf(',')) : port);
    } catch (NumberFormatException e) {
      throw new InvalidArgument(label + "=" + port + " is not a number");
    }
  }

  private static void require(Pattern pattern, String value, String label) {
    if (value == null || !pattern.matcher(value).matches()) {
      throw new InvalidArgument(label + " has a value that is not a valid name: \"" + withoutCredentials(value)
          + "\"");
    }
  }

  /** A value is quoted back to its writer, but never what may be a password before an {@code @}. */
  private static String withoutCredentials(String value) {
    if (value == null || value.indexOf('@') < 0 || value.indexOf(':') < 0) {
      return value;
    }
    return "…@" + value.substring(value.lastIndexOf('@') + 1);
  }
}
