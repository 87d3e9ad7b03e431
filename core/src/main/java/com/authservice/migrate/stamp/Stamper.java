package com.authservice.migrate.stamp;

import com.authservice.migrate.checksum.Checksum;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.StampResult;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.run.Changelog;
import com.authservice.migrate.run.MigrationRunner;
import com.authservice.migrate.sql.SqlStatements;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Marks the database as being at a migration without running it, for adopting a database whose
 * schema was built some other way ("Database out of sync with migrations", Alembic's {@code stamp}).
 */
public final class Stamper {

  private final Connection connection;
  private final ScriptFolder scripts;
  private final Changelog changelog;
  private final String schema;

  public Stamper(Connection connection, ScriptFolder scripts, Changelog changelog, String schema) {
    this.connection = connection;
    this.scripts = scripts;
    this.changelog = changelog;
    this.schema = schema;
  }

  /** The revision in Alembic's {@code alembic_version} table, when Alembic managed this database. */
  public Optional<String> alembicRevision() {
    try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
      exists.setString(1, schema + ".alembic_version");
      try (ResultSet row = exists.executeQuery()) {
        row.next();
        if (!row.getBoolean(1)) {
          return Optional.empty();
        }
      }
      try (Statement read = connection.createStatement();
          ResultSet row = read.executeQuery("select version_num from " + schema + ".alembic_version")) {
        return Optional.of(row.next() ? row.getString(1) : "(none)");
      }
    } catch (SQLException e) {
      throw new DatabaseError("reading alembic_version", e);
    }
  }

  /**
   * Stamps the migration whose schema matches the database (see {@link SchemaMatch}), found by running the
   * scripts in a scratch schema inside a transaction that is rolled back; base when the live schema is empty.
   * The result names what the database still differs in, since {@code up} will not build it.
   */
  /**
   * The migration after which the scripts build the live schema (empty for an empty database), found by
   * running them in a scratch schema inside a transaction that is rolled back.
   */
  public Optional<SchemaMatch> matchingMigration(List<Migration> migrations) {
    Set<String> ignored = Set.of(changelog.table().substring(schema.length() + 1), "alembic_version");
    String probe = "migrate_probe_" + ProcessHandle.current().pid();
    try {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.execute("set local search_path = " + schema);
        SchemaFingerprint live = SchemaFingerprint.of(connection, schema, ignored);
        if (live.isEmpty()) {
          return Optional.empty();
        }
        statement.execute("create schema " + probe);
        statement.execute("set local search_path = " + probe);
        Map<Migration, SchemaFingerprint> built = new LinkedHashMap<>();
        for (Migration migration : migrations) {
          for (SqlStatements.Statement sql : SqlStatements.split(scripts.upSql(migration))) {
            statement.execute(sql.sql());
          }
          built.put(migration, SchemaFingerprint.of(connection, probe, ignored));
        }
        return Optional.of(SchemaMatch.best(live, built));
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DatabaseError("comparing the scripts with the database's schema", e);
    }
  }

  /**
   * Records every migration up to {@code target} as applied and removes the rows of later ones.
   * The changelog table is made by the first migration (MyBatis' bootstrap script), which is run for real
   * when the table does not exist yet.
   */
  public StampResult stamp(List<Migration> migrations, StatusReport status, Optional<Migration> target,
      Optional<String> alembicRevision, boolean dropAlembicTable, List<String> differences) {
    try {
      List<MigrationId> marked = new ArrayList<>();
      if (target.isPresent() && !changelog.exists(connection)) {
        marked.add(createChangelog(migrations));
      }
      Set<MigrationId> applied = new HashSet<>();
      changelog.read(connection).forEach(row -> applied.add(row.id()));
      List<MigrationId> unmarked = new ArrayList<>();
      connection.setAutoCommit(false);
      for (Migration migration : migrations) {
        boolean wanted = target.isPresent() && migration.id().compareTo(target.get().id()) <= 0;
        if (wanted && !applied.contains(migration.id())) {
          changelog.insert(connection, migration, Checksum.of(scripts.content(migration)));
          marked.add(migration.id());
        } else if (!wanted && applied.contains(migration.id()) && changelog.exists(connection)) {
          changelog.delete(connection, migration.id());
          unmarked.add(migration.id());
        }
      }
      if (dropAlembicTable && alembicRevision.isPresent()) {
        try (Statement drop = connection.createStatement()) {
          drop.execute("drop table " + schema + ".alembic_version");
        }
      }
      connection.commit();
      connection.setAutoCommit(true);
      return new StampResult(target.map(Migration::id), marked, unmarked, alembicRevision,
          dropAlembicTable && alembicRevision.isPresent(), differences);
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // The connection is broken; the server rolled back.
      }
      throw new DatabaseError("stamping the changelog", e);
    }
  }

  private MigrationId createChangelog(List<Migration> migrations) {
    Migration first = migrations.get(0);
    Pattern createsChangelog = Pattern.compile("(?i)create\\s+table\\s+(if\\s+not\\s+exists\\s+)?(\\w+\\.)?"
        + Pattern.quote(changelog.table().substring(schema.length() + 1)) + "\\b");
    if (!createsChangelog.matcher(scripts.upSql(first)).find()) {
      throw new StateConflict("There is no changelog table and the first script, " + first.fileName()
          + ", does not create one; stamp needs MyBatis' bootstrap script (create changelog) to come first.");
    }
    new MigrationRunner(connection, scripts, changelog).apply(first);
    return first.id();
  }
}
