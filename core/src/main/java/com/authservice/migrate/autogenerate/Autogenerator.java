package com.authservice.migrate.autogenerate;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import com.authservice.migrate.autogenerate.compare.SchemaDiff;
import com.authservice.migrate.autogenerate.inspect.CatalogReader;
import com.authservice.migrate.autogenerate.inspect.ServerDefaults;
import com.authservice.migrate.autogenerate.model.ModelReader;
import com.authservice.migrate.autogenerate.render.OnlineDdl;
import com.authservice.migrate.autogenerate.schema.Schema;
import com.authservice.migrate.errors.DatabaseError;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Compares the models with the live schema and writes the migration that closes the gap, both ways.
 * Excluded tables and tables that belong to extensions are left out on both sides.
 */
public final class Autogenerator {

  private final Connection connection;
  private final String schema;
  private final ExcludedTables excluded;

  public Autogenerator(Connection connection, String schema, ExcludedTables excluded) {
    this.connection = connection;
    this.schema = schema;
    this.excluded = excluded;
  }

  /**
   * Reads the database in a read-only transaction that is rolled back: comparing defaults evaluates the
   * models' default expressions on the server, and a function called there must not change anything.
   */
  public Autogeneration generate(List<Class<?>> models) {
    Schema modelSchema = ModelReader.read(models);
    try {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (Statement readOnly = connection.createStatement()) {
        readOnly.execute("set transaction read only");
        CatalogReader catalog = new CatalogReader(connection, schema);
        Set<String> extensionTables = catalog.extensionTables();
        Predicate<String> leftOut = table -> excluded.excludes(table) || extensionTables.contains(table);
        return of(catalog.read().without(leftOut), modelSchema.without(leftOut), new ServerDefaults(connection));
      } finally {
        connection.rollback();
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      throw new DatabaseError("comparing the models with schema " + schema + " in a read-only transaction", e);
    }
  }

  /** The comparison and rendering alone, with no database: what the benchmark times. */
  public static Autogeneration of(Schema current, Schema target, SchemaDiff.DefaultsEqual defaults) {
    List<SchemaChange> changes = new SchemaDiff(defaults).compare(current, target);
    List<String> warnings = SchemaDiff.renameWarnings(changes);
    OnlineDdl ddl = new OnlineDdl(changes);
    StringBuilder up = new StringBuilder();
    warnings.forEach(warning -> up.append("-- WARNING: ").append(warning).append('\n'));
    up.append(ddl.up());
    return new Autogeneration(changes, warnings, up.toString(), ddl.undo(), ddl.concurrentUp(), ddl.concurrentUndo());
  }
}
