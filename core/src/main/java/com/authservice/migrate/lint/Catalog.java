package com.authservice.migrate.lint;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.sql.RoundTrip;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the target database already says about the tables scripts change: column types (is a type change a
 * widening?), validated {@code CHECK (col IS NOT NULL)} constraints (is SET NOT NULL free?) and how volatile
 * each function is (does a default rewrite the table?). Read once per lint, in one query, for the tables and
 * functions the scripts name.
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

  /** What {@code scripts} need to know of the database, read in one round trip. */
  public static Catalog read(Connection connection, List<ParsedScript> scripts) {
    RoundTrip trip = new RoundTrip();
    RoundTrip.Answer<Catalog> catalog = ask(trip, scripts);
    try {
      trip.send(connection);
    } catch (SQLException e) {
      throw new DatabaseError("reading the catalog for lint", e);
    }
    return catalog.get();
  }

  /**
   * Asks, in {@code trip}, for what linting {@code scripts} looks up, and nothing else (a production database
   * has thousands of tables and functions): the columns and CHECK constraints of the tables whose column types
   * or NOT NULL they change or whose constraints they validate, and the volatility of the functions their
   * defaults call. One query, whose rows say which of the three each is.
   */
  public static RoundTrip.Answer<Catalog> ask(RoundTrip trip, List<ParsedScript> scripts) {
    Set<String> tables = new TreeSet<>();
    Set<String> functions = new TreeSet<>();
    scripts.stream().flatMap(script -> script.allChanges().stream()).forEach(change -> {
      if (change instanceof Change.AlterColumnType alter) {
        tables.add(alter.table());
      } else if (change instanceof Change.SetNotNull set) {
        tables.add(set.table());
      } else if (change instanceof Change.ValidateConstraint validate) {
        tables.add(validate.table());
      } else if (change instanceof Change.AddColumn add) {
        functions.addAll(add.defaultCalls());
      }
    });
    String[] tableNames = tables.toArray(String[]::new);
    return trip.ask("""
        select 'column', n.nspname || '.' || c.relname || '.' || a.attname, format_type(a.atttypid, a.atttypmod),
               null::text, null::boolean
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
          and n.nspname || '.' || c.relname = any (?::text[])
        union all
        select 'check', n.nspname || '.' || c.relname, con.conname, pg_get_constraintdef(con.oid), con.convalidated
        from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_namespace n on n.oid = c.relnamespace
        where con.contype = 'c' and n.nspname || '.' || c.relname = any (?::text[])
        union all
        select 'function', proname, max(provolatile::text), null, null
        from pg_proc where proname = any (?::text[]) group by proname""",
        List.of(tableNames, tableNames, functions.toArray(String[]::new)), Catalog::of);
  }

  private static Catalog of(ResultSet rows) throws SQLException {
    Map<String, ColumnType> types = new HashMap<>();
    Set<String> checked = new HashSet<>();
    Map<String, String> unvalidated = new HashMap<>();
    Map<String, Character> volatility = new HashMap<>();
    StatementParser parser = new StatementParser("public");
    while (rows.next()) {
      switch (rows.getString(1)) {
        case "column" -> types.put(rows.getString(2), ColumnType.of(rows.getString(3)));
        case "check" -> {
          String table = rows.getString(2);
          // The server's own text of the check, read with the same parser as the scripts.
          for (String column : notNullColumns(parser, rows.getString(4))) {
            if (rows.getBoolean(5)) {
              checked.add(table + "." + column);
            } else {
              unvalidated.put(table + "." + rows.getString(3), column);
            }
          }
        }
        default -> volatility.put(rows.getString(2), rows.getString(3).charAt(0));
      }
    }
    return new Catalog(types, checked, unvalidated, Optional.of(volatility));
  }

  /** How many columns, checks and functions were read: what this lint cost the server and the link. */
  int entriesRead() {
    return columnTypes.size() + notNullChecked.size() + unvalidatedNotNullChecks.size()
        + volatility.map(Map::size).orElse(0);
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
