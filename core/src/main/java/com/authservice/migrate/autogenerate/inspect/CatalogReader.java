package com.authservice.migrate.autogenerate.inspect;

import com.authservice.migrate.autogenerate.schema.Column;
import com.authservice.migrate.autogenerate.schema.ForeignKey;
import com.authservice.migrate.autogenerate.schema.Index;
import com.authservice.migrate.autogenerate.schema.PrimaryKey;
import com.authservice.migrate.autogenerate.schema.Schema;
import com.authservice.migrate.autogenerate.schema.Table;
import com.authservice.migrate.autogenerate.schema.UniqueConstraint;
import com.authservice.migrate.errors.DatabaseError;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one schema's tables from pg_catalog into the same {@link Schema} value the models give. Tables that
 * belong to an extension (PostGIS' spatial_ref_sys, say) are not the application's: they are left out.
 */
public final class CatalogReader {

  /** A condition on pg_class {@code c}: an extension's member ({@code ALTER EXTENSION ... ADD TABLE} or its script). */
  private static final String OWNED_BY_EXTENSION = """
      exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
              and d.deptype = 'e')""";

  private final Connection connection;
  private final String schema;

  public CatalogReader(Connection connection, String schema) {
    this.connection = connection;
    this.schema = schema;
  }

  /** The names of the schema's tables that an extension owns; a model naming one is not the application's either. */
  public Set<String> extensionTables() {
    try (PreparedStatement query = connection.prepareStatement("""
        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and c.relkind in ('r', 'p') and %s""".formatted(OWNED_BY_EXTENSION))) {
      query.setString(1, schema);
      Set<String> names = new HashSet<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          names.add(rows.getString(1));
        }
      }
      return names;
    } catch (SQLException e) {
      throw new DatabaseError("reading the tables extensions own in schema " + schema, e);
    }
  }

  public Schema read() {
    try {
      Map<String, List<Column>> columns = columns();
      Map<String, TableParts> parts = new LinkedHashMap<>();
      columns.keySet().forEach(table -> parts.put(table, new TableParts()));
      constraints(parts);
      indexes(parts);
      comments(parts);
      List<Table> tables = new ArrayList<>();
      parts.forEach((name, part) -> tables.add(new Table(name, columns.get(name), part.primaryKey, part.uniques,
          part.indexes, part.foreignKeys, part.comment)));
      return Schema.of(tables);
    } catch (SQLException e) {
      throw new DatabaseError("reading the schema " + schema + " from pg_catalog", e);
    }
  }

  private static final class TableParts {
    Optional<PrimaryKey> primaryKey = Optional.empty();
    final List<UniqueConstraint> uniques = new ArrayList<>();
    final List<Index> indexes = new ArrayList<>();
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    Optional<String> comment = Optional.empty();
  }

  private Map<String, List<Column>> columns() throws SQLException {
    Map<String, List<Column>> columns = new LinkedHashMap<>();
    try (PreparedStatement query = connection.prepareStatement("""
        select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
               pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '', col_description(c.oid, a.attnum)
        from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
        where n.nspname = ? and c.relkind in ('r', 'p') and not %s
        order by c.relname, a.attnum""".formatted(OWNED_BY_EXTENSION))) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String table = rows.getString(1);
          columns.computeIfAbsent(table, t -> new ArrayList<>()).add(new Column(rows.getString(2), rows.getString(3),
              !rows.getBoolean(4), Optional.ofNullable(rows.getString(5)), rows.getBoolean(6),
              Optional.ofNullable(rows.getString(7))));
        }
      }
    }
    return columns;
  }

  private void constraints(Map<String, TableParts> parts) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("""
        select c.relname, con.conname, con.contype,
               array(select a.attname from unnest(con.conkey) with ordinality k(num, ord)
                     join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord),
               r.relname,
               array(select a.attname from unnest(con.confkey) with ordinality k(num, ord)
                     join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord),
               con.confdeltype, con.confupdtype
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_class r on r.oid = con.confrelid
        where n.nspname = ? and con.contype in ('p', 'u', 'f')
        order by c.relname, con.conname""")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          TableParts part = parts.get(rows.getString(1));
          if (part == null) {
            continue;
          }
          String name = rows.getString(2);
          List<String> columns = strings(rows.getArray(4));
          switch (rows.getString(3)) {
            case "p" -> part.primaryKey = Optional.of(new PrimaryKey(name, columns));
            case "u" -> part.uniques.add(new UniqueConstraint(name, columns));
            default -> part.foreignKeys.add(new ForeignKey(name, columns, rows.getString(5), strings(rows.getArray(6)),
                rule(rows.getString(7)), rule(rows.getString(8))));
          }
        }
      }
    }
  }

  /** Indexes that do not back a constraint; expression and partial indexes are left to hand-written scripts. */
  private void indexes(Map<String, TableParts> parts) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("""
        select t.relname, i.relname, x.indisunique,
               array(select a.attname from unnest(x.indkey) with ordinality k(num, ord)
                     join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.num order by k.ord)
        from pg_index x
        join pg_class i on i.oid = x.indexrelid
        join pg_class t on t.oid = x.indrelid
        join pg_namespace n on n.oid = t.relnamespace
        where n.nspname = ? and x.indexprs is null and x.indpred is null
          and not exists (select 1 from pg_constraint con where con.conindid = x.indexrelid)
        order by t.relname, i.relname""")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          TableParts part = parts.get(rows.getString(1));
          if (part != null) {
            part.indexes.add(new Index(rows.getString(2), strings(rows.getArray(4)), rows.getBoolean(3)));
          }
        }
      }
    }
  }

  private void comments(Map<String, TableParts> parts) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("""
        select c.relname, obj_description(c.oid, 'pg_class')
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and c.relkind in ('r', 'p') and obj_description(c.oid, 'pg_class') is not null""")) {
      query.setString(1, schema);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          TableParts part = parts.get(rows.getString(1));
          if (part != null) {
            part.comment = Optional.of(rows.getString(2));
          }
        }
      }
    }
  }

  private static List<String> strings(Array array) throws SQLException {
    return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
  }

  private static String rule(String code) {
    return switch (code == null ? "a" : code) {
      case "r" -> "RESTRICT";
      case "c" -> "CASCADE";
      case "n" -> "SET NULL";
      case "d" -> "SET DEFAULT";
      default -> "NO ACTION";
    };
  }
}
