package com.authservice.migrate.testing;

import com.authservice.migrate.settings.ConnectionSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A fresh database on the test server, with the reads tests assert on. */
public final class TestDatabase {

  private final PostgresServer server;
  private final ConnectionSettings settings;

  TestDatabase(PostgresServer server, ConnectionSettings settings) {
    this.server = server;
    this.settings = settings;
  }

  public ConnectionSettings settings() {
    return settings;
  }

  public String name() {
    return settings.database();
  }

  public PostgresServer server() {
    return server;
  }

  public Connection connect() throws SQLException {
    return server.connect(settings.database());
  }

  /**
   * A login role with a password that may connect to this database and nothing more, for tests of
   * authentication and permissions. Returns the settings to connect as that role.
   */
  public ConnectionSettings createUser(String role, String password) {
    execute("create role " + role + " login password '" + password.replace("'", "''") + "'");
    execute("grant connect on database " + name() + " to " + role);
    return new ConnectionSettings(settings.host(), settings.port(), settings.database(), role,
        new com.authservice.migrate.settings.Password(password), settings.schema(), null);
  }

  public void execute(String sql) {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Failed: " + sql, e);
    }
  }

  /**
   * The changelog as the MyBatis CLI leaves it after the bootstrap script: no checksum column,
   * the bootstrap migration recorded.
   */
  public void createChangelogAsTheMyBatisCliDoes() {
    execute("""
        create table changelog (id numeric(20,0) not null primary key, applied_at varchar(25) not null,
        description varchar(255) not null);
        insert into changelog values (20251001000000, '2025-10-01 10:00:00', 'create changelog')""");
  }

  /** Each row as its columns joined by {@code |}. */
  public List<String> query(String sql) {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> result = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= columns; i++) {
          row.append(i > 1 ? "|" : "").append(rows.getString(i));
        }
        result.add(row.toString());
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("Failed: " + sql, e);
    }
  }

  public String queryOne(String sql) {
    List<String> rows = query(sql);
    if (rows.size() != 1) {
      throw new IllegalStateException("Expected one row from " + sql + " but got " + rows);
    }
    return rows.get(0);
  }

  /** Tables of the schema, from pg_catalog, without the changelog table. */
  public List<String> tables() {
    return query("""
        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'changelog'
        order by 1""");
  }

  /** The changelog as {@code id|description}, oldest first; empty when the table does not exist. */
  public List<String> changelog() {
    if (queryOne("select to_regclass('public.changelog') is null").equals("t")) {
      return List.of();
    }
    return query("select id, description from public.changelog order by id");
  }

  /**
   * The changelog table's MyBatis columns (type, nullability) and its primary key, as pg_catalog describes
   * them; the console's own checksum column is left out.
   */
  public List<String> changelogColumns() {
    List<String> facts = new ArrayList<>(query("""
        select column_name || ' ' || format_type(a.atttypid, a.atttypmod) || ' ' || is_nullable
        from information_schema.columns c
        join pg_attribute a on a.attrelid = 'public.changelog'::regclass and a.attname = c.column_name
        where table_schema = 'public' and table_name = 'changelog' and column_name <> 'checksum'
        order by ordinal_position"""));
    facts.addAll(query("""
        select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
        where conrelid = 'public.changelog'::regclass and contype = 'p'"""));
    return facts;
  }

  /** The ids in the changelog, oldest first. */
  public List<String> appliedIds() {
    return changelog().stream().map(row -> row.substring(0, row.indexOf('|'))).toList();
  }

  /**
   * Everything about the schema's shape, read from pg_catalog, one sorted line per fact:
   * tables, columns with type, nullability and default, constraints and indexes. Two databases
   * with equal snapshots have the same schema.
   */
  public List<String> schemaSnapshot() {
    List<String> facts = new ArrayList<>();
    facts.addAll(query("""
        select 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
               || case when a.attnotnull then ' not null' else '' end
               || coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
               || case when a.attidentity <> '' then ' identity ' || a.attidentity::text else '' end
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
        where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
        order by 1"""));
    facts.addAll(query("""
        select 'constraint ' || c.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid)
        from pg_constraint con
        join pg_class c on c.oid = con.conrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and con.contype <> 'n'
        order by 1"""));
    facts.addAll(query("""
        select 'index ' || indexdef from pg_indexes where schemaname = 'public' order by 1"""));
    facts.addAll(query("""
        select 'comment ' || c.relname || coalesce('.' || a.attname, '') || ' ' || d.description
        from pg_description d
        join pg_class c on c.oid = d.objoid and d.classoid = 'pg_class'::regclass
        join pg_namespace n on n.oid = c.relnamespace
        left join pg_attribute a on a.attrelid = c.oid and a.attnum = d.objsubid and d.objsubid > 0
        where n.nspname = 'public'
        order by 1"""));
    return facts;
  }
}
