package com.authservice.migrate.stamp;

import com.authservice.migrate.errors.DatabaseError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a schema that any tool would produce the same way: tables and their columns with type and
 * nullability, and the indexes and constraints on them by what they cover. Names are left out on purpose,
 * because Alembic, Hibernate and hand-written SQL name them differently for the same schema; a unique
 * constraint and a unique index count as the same fact for the same reason. Read with the schema first on
 * {@code search_path}, so constraint definitions name the tables they refer to without a schema.
 *
 * @param columns one fact per column, such as {@code column pets.name character varying(40) not null}
 * @param indexesAndConstraints one fact per index or primary key, foreign key, check or exclusion constraint
 */
record SchemaFingerprint(Set<String> columns, Set<String> indexesAndConstraints) {

  static SchemaFingerprint of(Connection connection, String schema, Set<String> ignoredTables) {
    try {
      return new SchemaFingerprint(facts(connection, schema, ignoredTables, """
          select c.relname, 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                 || case when a.attnotnull then ' not null' else '' end
          from pg_attribute a
          join pg_class c on c.oid = a.attrelid
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = ? and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped"""),
          facts(connection, schema, ignoredTables, """
          select t.relname, case when x.indisunique then 'unique index ' else 'index ' end || t.relname
                 || case when am.amname <> 'btree' then ' using ' || am.amname else '' end
                 || ' (' || array_to_string(array(select pg_get_indexdef(x.indexrelid, k, true)
                                                  from generate_series(1, x.indnkeyatts) k order by k), ', ') || ')'
                 || coalesce(' where ' || pg_get_expr(x.indpred, x.indrelid, true), '')
          from pg_index x
          join pg_class i on i.oid = x.indexrelid
          join pg_class t on t.oid = x.indrelid
          join pg_namespace n on n.oid = t.relnamespace
          join pg_am am on am.oid = i.relam
          where n.nspname = ?
          union all
          select c.relname, 'constraint ' || c.relname || ' ' || pg_get_constraintdef(con.oid, true)
          from pg_constraint con
          join pg_class c on c.oid = con.conrelid
          join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = ? and con.contype in ('p', 'f', 'c', 'x')"""));
    } catch (SQLException e) {
      throw new DatabaseError("reading the tables, indexes and constraints of schema " + schema, e);
    }
  }

  boolean isEmpty() {
    return columns.isEmpty();
  }

  /** What this schema lacks of {@code expected} and has beyond it, as lines for the user. */
  List<String> differencesFrom(SchemaFingerprint expected) {
    List<String> differences = new ArrayList<>();
    expected.indexesAndConstraints.stream().filter(fact -> !indexesAndConstraints.contains(fact))
        .forEach(fact -> differences.add("missing " + fact));
    indexesAndConstraints.stream().filter(fact -> !expected.indexesAndConstraints.contains(fact))
        .forEach(fact -> differences.add("extra " + fact));
    return differences;
  }

  private static Set<String> facts(Connection connection, String schema, Set<String> ignoredTables, String sql)
      throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      for (int i = 1; i <= sql.chars().filter(c -> c == '?').count(); i++) {
        query.setString(i, schema);
      }
      Set<String> facts = new TreeSet<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          if (!ignoredTables.contains(rows.getString(1))) {
            facts.add(rows.getString(2));
          }
        }
      }
      return facts;
    }
  }
}
