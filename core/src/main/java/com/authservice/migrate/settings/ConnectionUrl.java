package com.authservice.migrate.settings;

import com.authservice.migrate.errors.InvalidArgument;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.postgresql.PGProperty;

/**
 * A database URL taken apart: the JDBC form ({@code jdbc:postgresql://host:port/db?sslmode=require}) and the
 * form cloud providers, dbmate, Rails and SQLAlchemy use ({@code postgresql://user:password@host:port/db}, also
 * {@code postgres://}). User and password, whether before the host or as {@code user=}/{@code password=}
 * parameters, are taken out (percent-decoded) to go to the driver as properties: the driver logs the URL it
 * connects to, and pgjdbc would read {@code user:password@host} as a host name. Every other parameter must be
 * one pgjdbc knows, so a misspelt {@code sslmod=require} is refused rather than silently ignored. No message
 * ever quotes the URL, which may hold a password.
 */
public record ConnectionUrl(String jdbcUrl, String host, Integer port, String database, String user,
    String password) {

  private static final List<String> SCHEMES = List.of("jdbc:postgresql://", "postgresql://", "postgres://");
  private static final Set<String> CREDENTIALS = Set.of("user", "password");
  // The schema is its own setting: a second one inside the URL would quietly win over it in the driver.
  private static final Set<String> NOT_IN_URL = Set.of("currentSchema");

  /** {@code url} as written at {@code label} ({@code DATABASE_URL}, {@code environments/x.properties: url}). */
  public static ConnectionUrl parse(String url, String label) {
    String scheme = SCHEMES.stream().filter(url.toLowerCase(Locale.ROOT)::startsWith).findFirst().orElse(null);
    if (scheme == null) {
      if (url.startsWith("jdbc:postgresql:")) {
        return withoutAuthority(url, label);
      }
      throw new InvalidArgument(label + " is not a PostgreSQL URL: write postgresql://user:password@host:port/database"
          + " or jdbc:postgresql://host:port/database");
    }
    String rest = url.substring(scheme.length());
    int query = rest.indexOf('?');
    String parameters = query < 0 ? "" : rest.substring(query + 1);
    rest = query < 0 ? rest : rest.substring(0, query);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    String hosts = at < 0 ? authority : authority.substring(at + 1);
    if (hosts.isEmpty()) {
      throw new InvalidArgument(label + " names no host: write postgresql://user:password@host:port/database");
    }
    String user = null;
    String password = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), label);
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1), label);
    }
    List<String> kept = new ArrayList<>();
    for (String parameter : parameters.split("&")) {
      if (parameter.isEmpty()) {
        continue;
      }
      String name = parameter.split("=", 2)[0];
      String value = parameter.contains("=") ? decode(parameter.substring(name.length() + 1), label) : "";
      if (name.equals("user")) {
        user = user == null ? value : user;
      } else if (name.equals("password")) {
        password = password == null ? value : password;
      } else {
        requireKnown(name, label);
        kept.add(parameter);
      }
    }
    String firstHost = hosts.split(",")[0];
    String jdbcUrl = "jdbc:postgresql://" + hosts + "/" + path + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    return new ConnectionUrl(jdbcUrl, hostOf(firstHost), portOf(firstHost, label),
        path.isEmpty() ? null : decode(path, label), blankToNull(user), password);
  }

  /** {@code jdbc:postgresql:database} and the like, with no {@code //host}: the driver's own parser reads them. */
  private static ConnectionUrl withoutAuthority(String url, String label) {
    Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
    if (parsed == null) {
      throw new InvalidArgument(label + " is not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database)");
    }
    int query = url.indexOf('?');
    if (query >= 0) {
      Arrays.stream(url.substring(query + 1).split("&")).map(parameter -> parameter.split("=", 2)[0])
          .filter(name -> !name.isEmpty() && !CREDENTIALS.contains(name)).forEach(name -> requireKnown(name, label));
    }
    String kept = query < 0 ? "" : Arrays.stream(url.substring(query + 1).split("&"))
        .filter(parameter -> !CREDENTIALS.contains(parameter.split("=", 2)[0])).collect(Collectors.joining("&"));
    String jdbcUrl = (query < 0 ? url : url.substring(0, query)) + (kept.isEmpty() ? "" : "?" + kept);
    String port = parsed.getProperty("PGPORT");
    return new ConnectionUrl(jdbcUrl, parsed.getProperty("PGHOST"),
        port == null ? null : portOf("x:" + port.split(",")[0], label), parsed.getProperty("PGDBNAME"),
        parsed.getProperty("user"), parsed.getProperty("password"));
  }

  private static void requireKnown(String name, String label) {
    if (NOT_IN_URL.contains(name)) {
      throw new InvalidArgument(label + " sets " + name + ": give the schema on its own (schema= in a file, "
          + "POSTGRES_SCHEMA for the default environment)");
    }
    if (PGProperty.forName(name) == null) {
      List<String> known = Arrays.stream(PGProperty.values()).map(PGProperty::getName).toList();
      throw new InvalidArgument(label + " has the parameter " + name + ", which the PostgreSQL driver does not know"
          + NearestName.of(name, known).map(near -> " (did you mean " + near + "?)").orElse(""));
    }
  }

  private static String hostOf(String hostAndPort) {
    if (hostAndPort.startsWith("[")) {
      int close = hostAndPort.indexOf(']');
      return close < 0 ? hostAndPort : hostAndPort.substring(0, close + 1);
    }
    int colon = hostAndPort.indexOf(':');
    return colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
  }

  private static Integer portOf(String hostAndPort, String label) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon < 0 || hostAndPort.lastIndexOf(']') > colon) {
      return null;
    }
    String port = hostAndPort.substring(colon + 1);
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new InvalidArgument(label + " has a port that is not a number: \"" + port + "\"");
    }
  }

  private static String decode(String text, String label) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidArgument(label + " has a % that does not start a percent-encoded character (%40 is @)");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
