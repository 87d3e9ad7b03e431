package com.authservice.migrate.stamp;

import com.authservice.migrate.errors.DatabaseError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shape of a schema that any tool would produce the same way: tables and their columns with type
 * and nullability. Constraint and index names are left out on purpose, because Alembic, Hibernate and
 * hand-written SQL name them differently for the same schema.
 */
final class SchemaFingerprint {

  private SchemaFingerprint() {
  }

  static Set<String> of(Connection connection, String schema, Set<String> ignoredTables) {
    try (PreparedStatement query = connection.prepareStatement("""
        select c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
        from pg_attribute a
        join pg_class c on c.oid = a.attrelid
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = ? and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped""")) {
      query.setString(1, schema);
      Set<String> facts = new TreeSet<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          if (!ignoredTables.contains(rows.getString(1))) {
            facts.add(rows.getString(1) + "." + rows.getString(2) + " " + rows.getString(3)
                + (rows.getBoolean(4) ? " not null" : ""));
          }
        }
      }
      return facts;
    } catch (SQLException e) {
      throw new DatabaseError("reading the columns of schema " + schema, e);
    }
  }
}
