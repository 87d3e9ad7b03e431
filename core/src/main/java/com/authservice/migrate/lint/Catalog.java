package com.authservice.migrate.lint;

import com.authservice.migrate.errors.DatabaseError;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the target database already says about the tables scripts change: column types (is a type change a
 * widening?), validated {@code CHECK (col IS NOT NULL)} constraints (is SET NOT NULL free?) and how volatile
 * each function is (does a default rewrite the table?). Read once per lint, in three queries.
 */
public final class Catalog {

  /** Functions known to be volatile, for when no server can be asked. */
  private static final Set<String> KNOWN_VOLATILE = Set.of("random", "gen_random_uuid", "uuid_generate_v1",
      "uuid_generate_v1mc", "uuid_generate_v4", "clock_timestamp", "timeofday", "nextval", "setval", "setseed",
      "txid_current", "pg_current_xact_id", "random_normal", "uuidv4", "uuidv7");

  private final Map<String, ColumnType> columnTypes;
  private final Set<String> notNullChecked;
  private final Map<String, String> unvalidatedNotNullChecks;
  private final Optional<Map<String, Character>> volatility;

  private Catalog(Map<String, ColumnType> columnTypes, Set<String> notNullChecked,
      Map<String, String> unvalidatedNotNullChecks, Optional<Map<String, Character>> volatility) {
    this.columnTypes = columnTypes;
    this.notNullChecked = notNullChecked;
    this.unvalidatedNotNullChecks = unvalidatedNotNullChecks;
    this.volatility = volatility;
  }

  /** No database to ask: volatility from a list of well-known functions, nothing known about tables. */
  public static Catalog none() {
    return new Catalog(Map.of(), Set.of(), Map.of(), Optional.empty());
  }

  public static Catalog read(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      Map<String, ColumnType> types = new HashMap<>();
      try (ResultSet rows = statement.executeQuery("""
          select n.nspname || '.' || c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod)
          from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
            and n.nspname not in ('pg_catalog', 'information_schema')""")) {
        while (rows.next()) {
          types.put(rows.getString(1), ColumnType.of(rows.getString(2)));
        }
      }
      Set<String> checked = new HashSet<>();
      Map<String, String> unvalidated = new HashMap<>();
      StatementParser parser = new StatementParser("public");
      try (ResultSet rows = statement.executeQuery("""
          select n.nspname || '.' || c.relname, con.conname, con.convalidated, pg_get_constraintdef(con.oid)
          from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
          where con.contype = 'c'""")) {
        while (rows.next()) {
          String table = rows.getString(1);
          boolean validated = rows.getBoolean(3);
          // The server's own text of the check, read with the same parser as the scripts.
          for (String column : notNullColumns(parser, rows.getString(4))) {
            if (validated) {
              checked.add(table + "." + column);
            } else {
              unvalidated.put(table + "." + rows.getString(2), column);
            }
          }
        }
      }
      Map<String, Character> volatility = new HashMap<>();
      try (ResultSet rows = statement.executeQuery(
          "select proname, max(provolatile::text) from pg_proc group by proname")) {
        while (rows.next()) {
          volatility.put(rows.getString(1), rows.getString(2).charAt(0));
        }
      }
      return new Catalog(types, checked, unvalidated, Optional.of(volatility));
    } catch (SQLException e) {
      throw new DatabaseError("reading the catalog for lint", e);
    }
  }

  private static List<String> notNullColumns(StatementParser parser, String checkDefinition) {
    return parser.parse("ALTER TABLE t ADD " + checkDefinition).orElse(List.of()).stream()
        .filter(Change.AddConstraint.class::isInstance).map(Change.AddConstraint.class::cast)
        .flatMap(add -> add.notNullColumn().stream()).toList();
  }

  Optional<ColumnType> columnType(String table, String column) {
    return Optional.ofNullable(columnTypes.get(table + "." + column));
  }

  boolean hasValidatedNotNullCheck(String table, String column) {
    return notNullChecked.contains(table + "." + column);
  }

  /** The column of a {@code CHECK (col IS NOT NULL) NOT VALID} constraint not validated yet. */
  Optional<String> unvalidatedNotNullCheck(String table, String constraint) {
    return Optional.ofNullable(unvalidatedNotNullChecks.get(table + "." + constraint));
  }

  /**
   * Whether calling {@code function} in a default makes the server compute it per row. With a server, its
   * {@code pg_proc.provolatile} (overloads: the most volatile); a function it does not know yet (made by a
   * migration) counts as volatile. Without one, the list of well-known volatile functions.
   */
  boolean isVolatile(String function) {
    return volatility.map(known -> known.getOrDefault(function, 'v') == 'v')
        .orElse(KNOWN_VOLATILE.contains(function));
  }
}
