package com.authservice.migrate.fleet;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.run.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A fleet's members as the server lists them now ({@code pg_database} or {@code pg_namespace}, matched by the
 * fleet's globs, sorted by name), and how many more connections the server accepts, which bounds how many members
 * run at once.
 */
public record FleetMembers(Fleet fleet, List<String> names, int spareConnections) {

  /** Runs at once unless told otherwise; more wait on the server's CPUs and disk rather than finish sooner. */
  static final int MOST_AT_ONCE = 8;

  private static final String DATABASES = "select datname from pg_database where not datistemplate";
  private static final String SCHEMAS = "select nspname from pg_namespace "
      + "where nspname not like 'pg\\_%' and nspname <> 'information_schema'";
  private static final String SPARE = "select current_setting('max_connections')::int "
      + "- current_setting('superuser_reserved_connections')::int "
      + "- (select count(*) from pg_stat_activity where backend_type = 'client backend')::int";

  public FleetMembers {
    names = List.copyOf(names);
  }

  /** Reads the members from the fleet's server; fails (exit 1) when the server cannot be asked. */
  public static FleetMembers of(Fleet fleet) {
    try (Connection connection = new Database(fleet.server()).open();
        Statement statement = connection.createStatement()) {
      List<String> names = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery(fleet.kind() == Fleet.Kind.DATABASES ? DATABASES : SCHEMAS)) {
        while (rows.next()) {
          if (fleet.members().matches(rows.getString(1))) {
            names.add(rows.getString(1));
          }
        }
      }
      names.sort(null);
      try (ResultSet row = statement.executeQuery(SPARE)) {
        row.next();
        return new FleetMembers(fleet, names, row.getInt(1));
      }
    } catch (SQLException e) {
      throw new DatabaseError("listing the " + fleet.kind().word() + " of the fleet " + fleet.name(), e);
    }
  }

  /** How many members run at once when the command does not say: half of what the server can spare, bounded. */
  public int defaultParallelism() {
    return Math.max(1, Math.min(Math.min(MOST_AT_ONCE, spareConnections / 2), names.size()));
  }
}
