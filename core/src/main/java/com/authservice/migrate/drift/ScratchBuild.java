package com.authservice.migrate.drift;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.run.Database;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.snapshot.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The schema that some of the repository's migrations produce, built by running them on an empty scratch database
 * with the console's own runner (so exactly as {@code up} would run them on a real one), then read from pg_catalog.
 */
final class ScratchBuild {

  private final ScriptFolder scripts;
  private final ConnectionSettings scratch;
  private final String changelogName;

  ScratchBuild(ScriptFolder scripts, ConnectionSettings scratch, String changelogName) {
    this.scripts = scripts;
    this.scratch = scratch;
    this.changelogName = changelogName;
  }

  /** Every migration of the repository: the schema at head. */
  SchemaSnapshot head() {
    return of(scripts.migrations().stream().map(Migration::id).collect(Collectors.toSet()));
  }

  /** Exactly the migrations {@code ids}, oldest first, and no other. */
  SchemaSnapshot of(Set<MigrationId> ids) {
    // The scratch database is nobody's environment: default policy, nothing protected, lint not strict.
    new Migrations(new MigrationConfig(scratch, scripts)).upExactly(ids, RunListener.NONE);
    try (Connection connection = new Database(scratch).open()) {
      return SchemaSnapshot.read(connection, scratch.schema(), changelogName);
    } catch (SQLException e) {
      throw new DatabaseError("reading the scratch database " + scratch.target(), e);
    }
  }
}
