package com.authservice.migrate.verify;

import com.authservice.migrate.errors.DatabaseError;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.postgresql.util.PSQLException;

/**
 * Puts two rows into every empty table of a schema, so that a migration that only works on empty tables fails
 * in {@code verify}. Values come from the column types: columns under a primary key or unique index get a value
 * per row, every other column the same value in both rows (so a new unique constraint meets duplicates), a foreign
 * key takes its parent's keys (parents are filled first), columns with a sequence, identity or generation are left
 * to the server. A CHECK that refuses these values is met by trying the literals it names (and numbers either side
 * of them); a table whose rows the server still refuses is named in a note, not a failure: the sample is a help,
 * not the thing verified.
 */
final class SampleRows {

  private static final int ROWS = 2;

  private record Column(String name, String type, String category, String typeName, boolean enumType,
      Integer maxLength, boolean serverFills) {
  }

  private record ForeignKey(String parent, List<String> columns, List<String> parentColumns) {
  }

  /** A CHECK constraint: the columns it reads and its text, whose literals are values worth trying. */
  private record Check(String name, List<String> columns, String definition) {
  }

  private record Table(String name, List<Column> columns, Set<String> unique, List<ForeignKey> keys,
      List<Check> checks) {
  }

  private static final String CHECK_VIOLATION = "23514";

  /** Value sets tried for a table's checked columns before it is given up with a note. */
  private static final int TRIES = 400;

  private static final Pattern STRING_LITERAL = Pattern.compile("'((?:[^']|'')*)'");
  private static final Pattern NUMBER_LITERAL = Pattern.compile("(?<![\\w.'\"])-?\\d+(?:\\.\\d+)?(?![\\w'\"])");

  private final Connection connection;
  private final String schema;
  private final String changelogTable;

  SampleRows(Connection connection, String schema, String changelogTable) {
    this.connection = connection;
    this.schema = schema;
    this.changelogTable = changelogTable;
  }

  /** Fills the empty tables; returns a note for each table the server refused rows for. */
  List<String> fillEmptyTables() {
    try {
      Map<String, Table> tables = tables();
      Set<String> empty = emptyOf(tables.keySet());
      List<String> notes = new ArrayList<>();
      for (String name : parentsFirst(tables, empty)) {
        insert(tables.get(name), notes);
      }
      return notes;
    } catch (SQLException e) {
      throw new DatabaseError("putting sample rows into the tables of the scratch database", e);
    }
  }

  /**
   * Two rows into {@code table}; when a CHECK refuses them, other values for the columns the checks read (the
   * literals in the checks, numbers beside them, short texts) are tried, up to {@link #TRIES} sets of them.
   */
  private void insert(Table table, List<String> notes) {
    List<Column> given = table.columns().stream().filter(column -> !column.serverFills()).toList();
    if (given.isEmpty()) {
      execute(table, "insert into " + qualified(table.name()) + " default values", notes);
      return;
    }
    List<Column> checked = given.stream().filter(column -> isChecked(table, column)).toList();
    List<List<String>> candidates = checked.stream().map(column -> candidates(table, column)).toList();
    int[] choice = new int[checked.size()];
    for (int tried = 1; ; tried++) {
      String sql = insertSql(table, given, checked, candidates, choice);
      try (Statement statement = connection.createStatement()) {
        statement.execute(sql);
        return;
      } catch (SQLException e) {
        // Only the columns of the check that refused the rows get other values: each check is met on its own.
        List<Integer> refusing = refusedBy(e, table).map(check -> positions(check, checked)).orElse(List.of());
        if (refusing.isEmpty() || tried == TRIES || !next(choice, refusing, candidates)) {
          notes.add("no sample rows in table " + table.name() + ": " + DatabaseError.firstLine(e.getMessage())
              + (CHECK_VIOLATION.equals(e.getSQLState()) ? " (" + tried + " set(s) of values tried)" : ""));
          return;
        }
      }
    }
  }

  private void execute(Table table, String sql, List<String> notes) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
      statement.execute(sql);
    } catch (SQLException e) {
      notes.add("no sample rows in table " + table.name() + ": " + DatabaseError.firstLine(e.getMessage()));
    }
  }

  private String insertSql(Table table, List<Column> given, List<Column> checked, List<List<String>> candidates,
      int[] choice) {
    List<String> rows = new ArrayList<>();
    for (int row = 1; row <= ROWS; row++) {
      int number = row;
      rows.add(given.stream().map(column -> {
        int at = checked.indexOf(column);
        if (at < 0) {
          return value(table, column, number);
        }
        List<String> values = candidates.get(at);
        // A unique checked column takes the next candidate in the second row.
        int index = table.unique().contains(column.name()) ? (choice[at] + number - 1) % values.size() : choice[at];
        return values.get(index);
      }).collect(Collectors.joining(", ", "(", ")")));
    }
    return "insert into " + qualified(table.name()) + " ("
        + given.stream().map(column -> quote(column.name())).collect(Collectors.joining(", ")) + ") values "
        + String.join(", ", rows);
  }

  /** The next combination of candidates for the columns at {@code positions}; false once all were tried. */
  private static boolean next(int[] choice, List<Integer> positions, List<List<String>> candidates) {
    for (int i = positions.size() - 1; i >= 0; i--) {
      int at = positions.get(i);
      if (++choice[at] < candidates.get(at).size()) {
        return true;
      }
      choice[at] = 0;
    }
    return false;
  }

  /** Where the columns {@code check} reads are in {@code checked}. */
  private static List<Integer> positions(Check check, List<Column> checked) {
    List<String> names = checked.stream().map(Column::name).toList();
    return check.columns().stream().map(names::indexOf).filter(at -> at >= 0).toList();
  }

  /** The table's check that {@code e} names as violated, if that is what it reports. */
  private static Optional<Check> refusedBy(SQLException e, Table table) {
    if (!CHECK_VIOLATION.equals(e.getSQLState()) || !(e instanceof PSQLException server)
        || server.getServerErrorMessage() == null) {
      return Optional.empty();
    }
    String name = server.getServerErrorMessage().getConstraint();
    return table.checks().stream().filter(check -> check.name().equals(name)).findFirst();
  }

  private static boolean isChecked(Table table, Column column) {
    return table.keys().stream().noneMatch(key -> key.columns().contains(column.name()))
        && table.checks().stream().anyMatch(check -> check.columns().contains(column.name()));
  }

  /**
   * Values to try for a checked column, the usual one first: the literals of the checks that read it (for numbers,
   * also one either side, so that {@code > 0} and {@code < 10} are met), then a few short ones.
   */
  private List<String> candidates(Table table, Column column) {
    Set<String> texts = new LinkedHashSet<>();
    boolean number = "N".equals(column.category());
    for (Check check : table.checks()) {
      if (!check.columns().contains(column.name())) {
        continue;
      }
      Matcher strings = STRING_LITERAL.matcher(check.definition());
      while (strings.find()) {
        texts.add(strings.group(1).replace("''", "'"));
      }
      Matcher numbers = NUMBER_LITERAL.matcher(STRING_LITERAL.matcher(check.definition()).replaceAll("''"));
      while (numbers.find()) {
        BigDecimal found = new BigDecimal(numbers.group());
        texts.add(found.toPlainString());
        if (number) {
          texts.add(found.add(BigDecimal.ONE).toPlainString());
          texts.add(found.subtract(BigDecimal.ONE).toPlainString());
        }
      }
    }
    texts.addAll(number ? List.of("1", "2", "0", "100", "-1") : List.of("a", "1", "x", "b", "ab"));
    List<String> values = new ArrayList<>();
    values.add(value(table, column, 1));
    if (column.enumType()) {
      values.add(value(table, column, 2));
    }
    texts.forEach(text -> values.add("cast(" + literal(text) + " as " + column.type() + ")"));
    return values.stream().distinct().toList();
  }

  private String value(Table table, Column column, int row) {
    boolean distinct = table.unique().contains(column.name());
    for (ForeignKey key : table.keys()) {
      int at = key.columns().indexOf(column.name());
      if (at >= 0) {
        return "(select " + quote(key.parentColumns().get(at)) + " from " + qualified(key.parent()) + " order by "
            + key.parentColumns().stream().map(SampleRows::quote).collect(Collectors.joining(", "))
            + " offset " + (distinct ? row - 1 : 0) + " limit 1)";
      }
    }
    int n = distinct ? row : 1;
    if (column.enumType()) {
      return "(enum_range(null::" + column.type() + "))[" + n + "]";
    }
    return "cast(" + literal(text(column, n)) + " as " + column.type() + ")";
  }

  /** A value of the column's type, as text; {@code n} differs between rows only where it must. */
  private static String text(Column column, int n) {
    return switch (column.typeName()) {
      case "uuid" -> "00000000-0000-0000-0000-00000000000" + n;
      case "json", "jsonb" -> "{\"n\": " + n + "}";
      case "bytea" -> "\\x0" + n;
      case "inet", "cidr" -> "10.0.0." + n;
      case "macaddr" -> "08:00:2b:01:02:0" + n;
      default -> switch (column.category()) {
        case "B" -> n == 1 ? "true" : "false";
        case "D" -> "2025-01-0" + n + " 12:00:00";
        case "T" -> n + " days";
        case "A" -> "{" + n + "}";
        case "S" -> column.maxLength() == null || column.maxLength() >= 14 ? n + "@example.com" : String.valueOf(n);
        default -> String.valueOf(n);
      };
    };
  }

  private Map<String, Table> tables() throws SQLException {
    Map<String, List<Column>> columns = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("""
        select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), b.typcategory, b.typname,
               b.typtype = 'e',
               case when a.atttypid in ('varchar'::regtype, 'bpchar'::regtype) and a.atttypmod > 4
                    then a.atttypmod - 4 end,
               a.attidentity <> '' or a.attgenerated <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid), '') like 'nextval(%'
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        join pg_type t on t.oid = a.atttypid
        join pg_type b on b.oid = case when t.typtype = 'd' then t.typbasetype else t.oid end
        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where n.nspname = ? and c.relkind in ('r', 'p') and c.relname <> ? and a.attnum > 0 and not a.attisdropped
          and not exists (select 1 from pg_depend e where e.classid = 'pg_class'::regclass and e.objid = c.oid
                          and e.deptype = 'e')
        order by c.relname, a.attnum""")) {
      query.setString(1, schema);
      query.setString(2, changelogTable);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          columns.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(new Column(rows.getString(2),
              rows.getString(3), rows.getString(4), rows.getString(5), rows.getBoolean(6),
              (Integer) rows.getObject(7), rows.getBoolean(8)));
        }
      }
    }
    Map<String, Set<String>> unique = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("""
        select c.relname, a.attname from pg_index i join pg_class c on c.oid = i.indrelid
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where n.nspname = ? and i.indisunique""")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          unique.computeIfAbsent(rows.getString(1), name -> new HashSet<>()).add(rows.getString(2));
        }
      }
    }
    Map<String, List<ForeignKey>> keys = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("""
        select c.relname, p.relname,
               array(select a.attname from unnest(k.conkey) with ordinality u(num, pos)
                     join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num order by u.pos),
               array(select a.attname from unnest(k.confkey) with ordinality u(num, pos)
                     join pg_attribute a on a.attrelid = k.confrelid and a.attnum = u.num order by u.pos)
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and k.contype = 'f'""")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          keys.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(new ForeignKey(rows.getString(2),
              List.of((String[]) rows.getArray(3).getArray()), List.of((String[]) rows.getArray(4).getArray())));
        }
      }
    }
    Map<String, List<Check>> checks = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement("""
        select c.relname, pg_get_constraintdef(k.oid), k.conname,
               array(select a.attname from unnest(k.conkey) u(num)
                     join pg_attribute a on a.attrelid = k.conrelid and a.attnum = u.num)
        from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and k.contype = 'c'""")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          checks.computeIfAbsent(rows.getString(1), name -> new ArrayList<>()).add(new Check(rows.getString(3),
              List.of((String[]) rows.getArray(4).getArray()), rows.getString(2)));
        }
      }
    }
    Map<String, Table> tables = new LinkedHashMap<>();
    columns.forEach((name, list) -> tables.put(name, new Table(name, list, unique.getOrDefault(name, Set.of()),
        keys.getOrDefault(name, List.of()), checks.getOrDefault(name, List.of()))));
    return tables;
  }

  /** Which of {@code names} hold no row, in one query. */
  private Set<String> emptyOf(Set<String> names) throws SQLException {
    if (names.isEmpty()) {
      return Set.of();
    }
    String query = names.stream().map(name -> "select " + literal(name) + " where not exists (select 1 from "
        + qualified(name) + ")").collect(Collectors.joining(" union all "));
    Set<String> empty = new HashSet<>();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
      while (rows.next()) {
        empty.add(rows.getString(1));
      }
    }
    return empty;
  }

  /** The empty tables, each after the tables its foreign keys name (a cycle is broken where it is met). */
  private static List<String> parentsFirst(Map<String, Table> tables, Set<String> empty) {
    Set<String> ordered = new LinkedHashSet<>();
    Set<String> visiting = new HashSet<>();
    for (String name : tables.keySet()) {
      visit(name, tables, empty, ordered, visiting);
    }
    return ordered.stream().filter(empty::contains).toList();
  }

  private static void visit(String name, Map<String, Table> tables, Set<String> empty, Set<String> ordered,
      Set<String> visiting) {
    if (ordered.contains(name) || !visiting.add(name) || !tables.containsKey(name)) {
      return;
    }
    tables.get(name).keys().forEach(key -> visit(key.parent(), tables, empty, ordered, visiting));
    ordered.add(name);
  }

  private String qualified(String table) {
    return quote(schema) + "." + quote(table);
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
