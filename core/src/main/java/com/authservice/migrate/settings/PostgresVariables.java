package com.authservice.migrate.settings;

import com.authservice.migrate.errors.InvalidArgument;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's {@code POSTGRES_*} variables and {@code DATABASE_URL} as found in the process environment and
 * {@code .env} (the real environment wins). Three cases, never guessed between: none set; complete
 * ({@code DATABASE_URL}, {@code POSTGRES_JDBC_URL}, or host, database and user, port and password falling back to
 * 5432 and none); or partial, which is an error naming what is missing, because a missing secret must not quietly
 * mean another database. {@code DATABASE_URL} next to the variables it overlaps is refused: which one was meant
 * is not ours to guess.
 */
public final class PostgresVariables {

  private static final List<String> ALL = List.of(ConnectionSettings.HOST, ConnectionSettings.PORT,
      ConnectionSettings.DB, ConnectionSettings.USER, ConnectionSettings.PASSWORD, ConnectionSettings.SCHEMA,
      ConnectionSettings.JDBC_URL, ConnectionSettings.DATABASE_URL);
  private static final List<String> REQUIRED = List.of(ConnectionSettings.HOST, ConnectionSettings.DB,
      ConnectionSettings.USER);

  /** What DATABASE_URL says too: with it, these would be a second answer to the same question. */
  private static final List<String> OVERLAPPING_URL = List.of(ConnectionSettings.HOST, ConnectionSettings.PORT,
      ConnectionSettings.DB, ConnectionSettings.USER, ConnectionSettings.PASSWORD, ConnectionSettings.JDBC_URL);

  private final Map<String, String> values;

  private PostgresVariables(Map<String, String> values) {
    this.values = values;
  }

  public static PostgresVariables read(Map<String, String> environment, Path workingDir) {
    Map<String, String> values = new HashMap<>(DotEnv.read(workingDir.resolve(".env")));
    environment.forEach((key, value) -> {
      if ((key.startsWith("POSTGRES_") || key.equals(ConnectionSettings.DATABASE_URL)) && value != null
          && !value.isBlank()) {
        values.put(key, value);
      }
    });
    values.values().removeIf(String::isBlank);
    return new PostgresVariables(values);
  }

  /** Nothing set at all: no database was meant. */
  public boolean isNone() {
    return names().isEmpty();
  }

  /** The variables that are set, in the seed's order. */
  public List<String> names() {
    return ALL.stream().filter(values::containsKey).toList();
  }

  /** Why the variables that are set do not name a database; empty when they do, or when none is set. */
  public Optional<String> incomplete() {
    if (values.containsKey(ConnectionSettings.DATABASE_URL)) {
      List<String> alongside = names().stream().filter(OVERLAPPING_URL::contains).toList();
      return alongside.isEmpty() ? Optional.empty() : Optional.of(ConnectionSettings.DATABASE_URL + " and "
          + String.join(", ", alongside) + " are both set and may name different databases: unset one of the two "
          + "(in the environment or .env)");
    }
    if (isNone() || values.containsKey(ConnectionSettings.JDBC_URL)) {
      return Optional.empty();
    }
    List<String> missing = REQUIRED.stream().filter(key -> !values.containsKey(key)).toList();
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("Incomplete database settings: " + String.join(", ", names()) + " set, but not "
        + String.join(", ", missing) + ": set them (or " + ConnectionSettings.JDBC_URL + ") in the environment or .env");
  }

  /** The database they name; only for a complete set. */
  public ConnectionSettings settings() {
    Optional<String> problem = isNone() ? Optional.of("No POSTGRES_* variable is set") : incomplete();
    if (problem.isPresent()) {
      throw new InvalidArgument(problem.get());
    }
    return ConnectionSettings.fromVariables(values);
  }

  /** The values as they are, complete or not, for reading the parts that are there. */
  Map<String, String> values() {
    return Map.copyOf(values);
  }
}
