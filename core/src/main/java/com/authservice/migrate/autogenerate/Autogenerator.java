package com.authservice.migrate.autogenerate;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import com.authservice.migrate.autogenerate.compare.SchemaDiff;
import com.authservice.migrate.autogenerate.inspect.CatalogReader;
import com.authservice.migrate.autogenerate.inspect.ServerDefaults;
import com.authservice.migrate.autogenerate.model.ModelReader;
import com.authservice.migrate.autogenerate.render.PostgresDdlRenderer;
import com.authservice.migrate.autogenerate.schema.Schema;
import java.sql.Connection;
import java.util.List;
import java.util.Set;

/** Compares the models with the live schema and writes the migration that closes the gap, both ways. */
public final class Autogenerator {

  private final Connection connection;
  private final String schema;
  private final Set<String> ignoredTables;

  public Autogenerator(Connection connection, String schema, Set<String> ignoredTables) {
    this.connection = connection;
    this.schema = schema;
    this.ignoredTables = ignoredTables;
  }

  public Autogeneration generate(List<Class<?>> models) {
    Schema target = ModelReader.read(models);
    Schema current = new CatalogReader(connection, schema, ignoredTables).read();
    return of(current, target, new ServerDefaults(connection));
  }

  /** The comparison and rendering alone, with no database: what the benchmark times. */
  public static Autogeneration of(Schema current, Schema target, SchemaDiff.DefaultsEqual defaults) {
    List<SchemaChange> changes = new SchemaDiff(defaults).compare(current, target);
    List<String> warnings = SchemaDiff.renameWarnings(changes);
    PostgresDdlRenderer renderer = new PostgresDdlRenderer();
    StringBuilder up = new StringBuilder();
    warnings.forEach(warning -> up.append("-- WARNING: ").append(warning).append('\n'));
    up.append(renderer.render(changes));
    return new Autogeneration(changes, warnings, up.toString(), renderer.render(SchemaDiff.undo(changes)));
  }
}
