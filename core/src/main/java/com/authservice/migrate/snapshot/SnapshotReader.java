package com.authservice.migrate.snapshot;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.snapshot.SchemaObject.Kind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a {@link SchemaSnapshot} from pg_catalog, one query per kind of object. PostgreSQL writes every definition
 * itself (format_type, pg_get_expr, pg_get_constraintdef, pg_get_indexdef, pg_get_viewdef, pg_get_functiondef,
 * pg_get_triggerdef), with the schema alone on the search_path so that most names come out unqualified; the
 * session's search_path is put back afterwards.
 */
final class SnapshotReader {

  /** Binds the schema and the changelog table's name once for all queries; each query returns name, definition. */
  private static final String PARAMETERS = "with p as not materialized (select ?::name as nsp, ?::name as changelog) ";

  /** A pg_class {@code c} the application owns: in the schema, not the changelog, not an extension's member. */
  private static final String APPLICATION_RELATION = """
      n.nspname = p.nsp and c.relname <> p.changelog and c.relname <> p.changelog || '_repeatable'
      and not exists (select 1 from pg_depend e where e.classid = 'pg_class'::regclass and e.objid = c.oid
                      and e.deptype = 'e')""";

  private static final Map<Kind, String> QUERIES = Map.ofEntries(
      Map.entry(Kind.EXTENSION, """
          select x.extname, 'CREATE EXTENSION ' || quote_ident(x.extname) || ' VERSION ' || quote_literal(x.extversion)
                 || ';'
          from p, pg_extension x join pg_namespace n on n.oid = x.extnamespace where n.nspname = p.nsp"""),
      Map.entry(Kind.TYPE, """
          select t.oid::regtype::text, 'CREATE TYPE ' || t.oid::regtype::text || ' AS ENUM ('
                 || string_agg(quote_literal(v.enumlabel), ', ' order by v.enumsortorder) || ');'
          from p, pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum v on v.enumtypid = t.oid
          where n.nspname = p.nsp and not exists (select 1 from pg_depend e where e.classid = 'pg_type'::regclass
                and e.objid = t.oid and e.deptype = 'e')
          group by t.oid"""),
      Map.entry(Kind.SEQUENCE, """
          select c.relname, 'CREATE SEQUENCE ' || c.oid::regclass::text || ' AS ' || format_type(s.seqtypid, null)
                 || ' INCREMENT BY ' || s.seqincrement || ' MINVALUE ' || s.seqmin || ' MAXVALUE ' || s.seqmax
                 || ' START WITH ' || s.seqstart || ' CACHE ' || s.seqcache || case when s.seqcycle then ' CYCLE' else '' end
                 || coalesce(' OWNED BY ' || (select t.oid::regclass::text || '.' || quote_ident(a.attname)
                      || case when d.deptype = 'i' then ' (identity)' else '' end
                    from pg_depend d join pg_class t on t.oid = d.refobjid
                    join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
                    where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass
                    and d.deptype in ('a', 'i') limit 1), '') || ';'
          from p, pg_sequence s join pg_class c on c.oid = s.seqrelid join pg_namespace n on n.oid = c.relnamespace
          where %s""".formatted(APPLICATION_RELATION)),
      Map.entry(Kind.TABLE, """
          select c.relname, 'CREATE ' || case when c.relpersistence = 'u' then 'UNLOGGED ' else '' end || 'TABLE '
                 || c.oid::regclass::text
                 || coalesce(' PARTITION OF ' || (select i.inhparent::regclass::text from pg_inherits i
                      where i.inhrelid = c.oid limit 1) || ' ' || pg_get_expr(c.relpartbound, c.oid), '')
                 || case when c.relkind = 'p' then ' PARTITION BY ' || pg_get_partkeydef(c.oid) else '' end || ';'
          from p, pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('r', 'p') and %s""".formatted(APPLICATION_RELATION)),
      Map.entry(Kind.COLUMN, """
          select c.relname || '.' || a.attname, 'ALTER TABLE ' || c.oid::regclass::text || ' ADD COLUMN '
                 || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
                 || case when a.attcollation <> t.typcollation then ' COLLATE '
                      || (select quote_ident(l.collname) from pg_collation l where l.oid = a.attcollation) else '' end
                 || coalesce(case when a.attgenerated = 's' then ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid)
                        || ') STORED'
                      when a.attgenerated <> '' then ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ')'
                      else ' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) end, '')
                 || case a.attidentity when 'a' then ' GENERATED ALWAYS AS IDENTITY'
                      when 'd' then ' GENERATED BY DEFAULT AS IDENTITY' else '' end
                 || case when a.attnotnull then ' NOT NULL' else '' end || ';'
          from p, pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
          join pg_type t on t.oid = a.atttypid
          left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
          where c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped and %s""".formatted(APPLICATION_RELATION)),
      // Not-null constraints (contype 'n', PostgreSQL 18) are left out: a column's NOT NULL says the same.
      Map.entry(Kind.CONSTRAINT, """
          select c.relname || '.' || k.conname, 'ALTER TABLE ' || c.oid::regclass::text || ' ADD CONSTRAINT '
                 || quote_ident(k.conname) || ' ' || pg_get_constraintdef(k.oid) || ';'
          from p, pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
          where k.contype <> 'n' and %s""".formatted(APPLICATION_RELATION)),
      Map.entry(Kind.INDEX, """
          select x.relname, pg_get_indexdef(i.indexrelid) || ';'
          from p, pg_index i join pg_class x on x.oid = i.indexrelid join pg_class c on c.oid = i.indrelid
          join pg_namespace n on n.oid = c.relnamespace
          where %s""".formatted(APPLICATION_RELATION)),
      Map.entry(Kind.VIEW, """
          select c.relname, 'CREATE ' || case when c.relkind = 'm' then 'MATERIALIZED ' else '' end || 'VIEW '
                 || c.oid::regclass::text || ' AS ' || pg_get_viewdef(c.oid, true)
          from p, pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relkind in ('v', 'm') and %s""".formatted(APPLICATION_RELATION)),
      // Aggregates and window functions have no pg_get_functiondef; migrations of this service write neither.
      Map.entry(Kind.FUNCTION, """
          select f.oid::regprocedure::text, pg_get_functiondef(f.oid) || ';'
          from p, pg_proc f join pg_namespace n on n.oid = f.pronamespace
          where n.nspname = p.nsp and f.prokind in ('f', 'p') and not exists (select 1 from pg_depend e
                where e.classid = 'pg_proc'::regclass and e.objid = f.oid and e.deptype = 'e')"""),
      Map.entry(Kind.TRIGGER, """
          select c.relname || '.' || g.tgname, pg_get_triggerdef(g.oid) || ';'
          from p, pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
          where not g.tgisinternal and %s""".formatted(APPLICATION_RELATION)),
      Map.entry(Kind.COMMENT, """
          select o.what, 'COMMENT ON ' || o.what || ' IS ' || quote_literal(o.description) || ';' from (
            select case when d.objsubid > 0 then 'COLUMN ' || c.oid::regclass::text || '.' || quote_ident(a.attname)
                   else case c.relkind when 'v' then 'VIEW ' when 'm' then 'MATERIALIZED VIEW ' when 'S' then 'SEQUENCE '
                        when 'i' then 'INDEX ' when 'I' then 'INDEX ' else 'TABLE ' end || c.oid::regclass::text end as what,
                   d.description
            from p, pg_description d join pg_class c on d.classoid = 'pg_class'::regclass and c.oid = d.objoid
            join pg_namespace n on n.oid = c.relnamespace
            left join pg_attribute a on a.attrelid = c.oid and a.attnum = d.objsubid
            where %1$s
            union all
            select 'CONSTRAINT ' || quote_ident(k.conname) || ' ON ' || c.oid::regclass::text, d.description
            from p, pg_description d join pg_constraint k on d.classoid = 'pg_constraint'::regclass and k.oid = d.objoid
            join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
            where %1$s
            union all
            select 'TRIGGER ' || quote_ident(g.tgname) || ' ON ' || c.oid::regclass::text, d.description
            from p, pg_description d join pg_trigger g on d.classoid = 'pg_trigger'::regclass and g.oid = d.objoid
            join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
            where %1$s
            union all
            select 'FUNCTION ' || f.oid::regprocedure::text, d.description
            from p, pg_description d join pg_proc f on d.classoid = 'pg_proc'::regclass and f.oid = d.objoid
            join pg_namespace n on n.oid = f.pronamespace where n.nspname = p.nsp
            union all
            select 'TYPE ' || t.oid::regtype::text, d.description
            from p, pg_description d join pg_type t on d.classoid = 'pg_type'::regclass and t.oid = d.objoid
            join pg_namespace n on n.oid = t.typnamespace where n.nspname = p.nsp
          ) o""".formatted(APPLICATION_RELATION)));

  private final Connection connection;
  private final String schema;
  private final String changelogTable;

  SnapshotReader(Connection connection, String schema, String changelogTable) {
    this.connection = connection;
    this.schema = schema;
    this.changelogTable = changelogTable;
  }

  /** Every kind's query in one statement: one round trip and one plan (kept by the driver) per snapshot. */
  private static final String ALL = PARAMETERS + Arrays.stream(Kind.values())
      .map(kind -> "select '" + kind.name() + "' as kind, q.* from (" + QUERIES.get(kind) + ") q")
      .collect(Collectors.joining("\nunion all\n"));

  List<SchemaObject> read() {
    try {
      String searchPath = currentSearchPath();
      setSearchPath("pg_catalog, " + quoteIdent(schema));
      try (PreparedStatement statement = connection.prepareStatement(ALL)) {
        statement.setString(1, schema);
        statement.setString(2, changelogTable);
        List<SchemaObject> objects = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            objects.add(new SchemaObject(Kind.valueOf(rows.getString(1)), rows.getString(2), oneLine(rows.getString(3))));
          }
        }
        return objects;
      } finally {
        setSearchPath(searchPath);
      }
    } catch (SQLException e) {
      throw new DatabaseError("reading the schema " + schema + " from pg_catalog", e);
    }
  }

  /** View and function definitions run over several lines; a snapshot holds one line per object. */
  static String oneLine(String definition) {
    return definition.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private String currentSearchPath() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select current_setting('search_path')")) {
      row.next();
      return row.getString(1);
    }
  }

  private void setSearchPath(String path) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("select set_config('search_path', ?, false)")) {
      statement.setString(1, path);
      statement.execute();
    }
  }

  private static String quoteIdent(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
