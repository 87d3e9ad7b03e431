package com.authservice.migrate.run;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.sql.RoundTrip;
import com.authservice.migrate.result.AppliedMigration;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;

/**
 * MyBatis' changelog table (ID, APPLIED_AT, DESCRIPTION) plus one nullable {@code checksum} column
 * of our own, which the MyBatis CLI never names and so never minds. The table is named with its
 * schema because an unqualified name follows search_path (mybatis/migrations#172).
 */
public final class Changelog {

  /** The checksum of a migration whose script was deleted; a SHA-256 digest is 64 hex digits, never this. */
  public static final String DELETED = "deleted";

  private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

  private final String schema;
  private final String table;
  private final String name;
  private boolean checksumColumnReady;
  private boolean seenExisting;

  public Changelog(String schema, String name) {
    String lowerName = name.toLowerCase(java.util.Locale.ROOT);
    if (!IDENTIFIER.matcher(schema).matches() || !IDENTIFIER.matcher(lowerName).matches()) {
      throw new InvalidArgument("The changelog table must be a plain SQL name: " + schema + "." + name);
    }
    this.schema = schema;
    this.name = lowerName;
    this.table = schema + "." + lowerName;
  }

  public String table() {
    return table;
  }

  /** Asked through the catalog, so a missing table never aborts the caller's transaction. */
  public boolean exists(Connection connection) {
    try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
      query.setString(1, table);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new DatabaseError("looking for the changelog table " + table, e);
    }
  }

  /**
   * Whether the table exists, and with the checksum column: what decides how it is read. {@code readable}: the
   * schema is missing (then so is the table) or the user may use it.
   */
  public record Shape(boolean readable, boolean exists, boolean withChecksum) {
  }

  /**
   * Every applied migration, oldest id first; empty when the table does not exist yet. Two round trips: the
   * table's shape, then its rows.
   */
  public List<AppliedMigration> read(Connection connection) {
    RoundTrip trip = new RoundTrip();
    RoundTrip.Answer<Shape> shape = askShape(trip);
    send(trip, connection, "looking for the changelog table " + table);
    return read(connection, shape.get());
  }

  /** Every applied migration, in one round trip, when {@code shape} was read under the run's lock. */
  public List<AppliedMigration> read(Connection connection, Shape shape) {
    if (!shape.readable()) {
      // What the server says when asked for a table in a schema the user may not use.
      throw new DatabaseError("looking for the changelog table " + table,
          new SQLException("permission denied for schema " + schema, "42501"));
    }
    if (!shape.exists()) {
      return List.of();
    }
    RoundTrip trip = new RoundTrip();
    RoundTrip.Answer<List<AppliedMigration>> rows = askRows(trip, shape);
    send(trip, connection, "reading the changelog " + table);
    return rows.get();
  }

  /**
   * Asks whether the table exists and has the checksum column, in {@code trip}. Once the answer has come, the
   * table is known to exist for {@link #existsAsRead}, and a checksum column seen need not be looked for again.
   * A schema the user may not use is answered, not failed, so the other questions of the trip (the schema check
   * that names the fix) get their answers. ({@code offset 0} keeps the planner from folding {@code to_regclass}
   * into the lookup in pg_attribute, where it estimates its value, and so calls it, whatever {@code readable} is.)
   */
  public RoundTrip.Answer<Shape> askShape(RoundTrip trip) {
    return trip.ask("""
        select readable, found is not null, found is not null and exists (select 1 from pg_attribute
          where attrelid = found and attname = 'checksum' and attnum > 0 and not attisdropped)
        from (select readable, case when readable then to_regclass(?) end as found
              from (select coalesce((select has_schema_privilege(oid, 'USAGE') from pg_namespace where nspname = ?),
                                    true) as readable) schema
              offset 0) changelog""",
        List.of(table, schema), row -> {
          row.next();
          Shape shape = new Shape(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3));
          seenExisting |= shape.exists();
          checksumColumnReady |= shape.withChecksum();
          return shape;
        });
  }

  /** Asks for every applied migration, oldest id first, in {@code trip}; the table must exist. */
  public RoundTrip.Answer<List<AppliedMigration>> askRows(RoundTrip trip, Shape shape) {
    boolean withChecksum = shape.withChecksum();
    return trip.ask("select id, applied_at, description" + (withChecksum ? ", checksum" : "") + " from " + table
        + " order by id", List.of(), rows -> {
          List<AppliedMigration> applied = new ArrayList<>();
          while (rows.next()) {
            applied.add(new AppliedMigration(new MigrationId(rows.getBigDecimal(1)), rows.getString(3),
                rows.getString(2), withChecksum ? rows.getString(4) : null));
          }
          return applied;
        });
  }

  /**
   * Whether the table exists, without asking again when this run has seen it: a run reads the changelog once it
   * holds the lock, and only its own scripts could drop the table after that.
   */
  public boolean existsAsRead(Connection connection) {
    return seenExisting || exists(connection);
  }

  private static void send(RoundTrip trip, Connection connection, String doing) {
    try {
      trip.send(connection);
    } catch (SQLException e) {
      throw new DatabaseError(doing, e);
    }
  }

  public void insert(Connection connection, Migration migration, String checksum) throws SQLException {
    ensureChecksumColumn(connection);
    try (PreparedStatement insert = connection.prepareStatement(
        "insert into " + table + " (id, applied_at, description, checksum) values (?, ?, ?, ?)")) {
      insert.setBigDecimal(1, migration.id().value());
      insert.setString(2, appliedAtNow());
      insert.setString(3, truncate(migration.description()));
      insert.setString(4, checksum);
      insert.executeUpdate();
    }
  }

  /**
   * The insert as one SQL text with literal values, so it can travel in the same batch as the migration's
   * statements. Only valid once {@link #isReadyForBatch()}: the checksum column is known to exist.
   */
  public String insertSql(Migration migration, String checksum) {
    return "insert into " + table + " (id, applied_at, description, checksum) values (" + migration.id().value()
        .toPlainString() + ", " + literal(appliedAtNow()) + ", " + literal(truncate(migration.description())) + ", "
        + literal(checksum) + ")";
  }

  public boolean isReadyForBatch() {
    return checksumColumnReady;
  }

  /** Checks (once per run) that the table exists with its checksum column, adding the column if needed. */
  public boolean prepareForBatch(Connection connection) throws SQLException {
    if (!checksumColumnReady && exists(connection)) {
      ensureChecksumColumn(connection);
    }
    return checksumColumnReady;
  }

  /** Whether {@code sql} (a script's up section) creates this table, as MyBatis' bootstrap script does. */
  public boolean isCreatedBy(String sql) {
    return Pattern.compile("(?i)create\\s+table\\s+(if\\s+not\\s+exists\\s+)?(\\w+\\.)?" + Pattern.quote(name) + "\\b")
        .matcher(sql).find();
  }

  /** Creates the table as MyBatis' {@code template_changelog.sql} does: same columns, same primary key. */
  public void create(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.execute("create table " + table + " (id numeric(20,0) not null, applied_at varchar(25) not null, "
          + "description varchar(255) not null)");
      statement.execute("alter table " + table + " add constraint pk_" + name + " primary key (id)");
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    }
  }

  public void delete(Connection connection, MigrationId id) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where id = ?")) {
      delete.setBigDecimal(1, id.value());
      delete.executeUpdate();
    }
  }

  /**
   * Marks an applied migration whose script was deleted: the checksum column, which the MyBatis CLI never reads,
   * holds {@link #DELETED} instead of a digest, so MyBatis still sees an ordinary applied row.
   */
  public void markDeleted(Connection connection, MigrationId id) throws SQLException {
    updateChecksum(connection, id, DELETED);
  }

  public void updateChecksum(Connection connection, MigrationId id, String checksum) throws SQLException {
    ensureChecksumColumn(connection);
    try (PreparedStatement update = connection.prepareStatement(
        "update " + table + " set checksum = ? where id = ?")) {
      update.setString(1, checksum);
      update.setBigDecimal(2, id.value());
      update.executeUpdate();
    }
  }

  /** Called inside the migration's transaction, so it also works right after the bootstrap script made the table. */
  private void ensureChecksumColumn(Connection connection) throws SQLException {
    if (checksumColumnReady) {
      return;
    }
    if (!hasChecksumColumn(connection)) {
      try (Statement alter = connection.createStatement()) {
        alter.execute("alter table " + table + " add column if not exists checksum varchar(64)");
      }
    }
    checksumColumnReady = true;
  }

  /**
   * Asked of pg_attribute by the table's qualified name: information_schema.columns answers the same in 2-6 ms
   * on a database with thousands of tables (a fleet of schemas), pg_attribute in a tenth of that.
   */
  private boolean hasChecksumColumn(Connection connection) {
    try (PreparedStatement query = connection.prepareStatement("""
        select 1 from pg_attribute
        where attrelid = to_regclass(?) and attname = 'checksum' and attnum > 0 and not attisdropped""")) {
      query.setString(1, table);
      try (ResultSet row = query.executeQuery()) {
        return row.next();
      }
    } catch (SQLException e) {
      throw new DatabaseError("reading the columns of " + table, e);
    }
  }

  /** The format MyBatis writes, so rows from either tool look alike. */
  private static String appliedAtNow() {
    return new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date());
  }

  /** standard_conforming_strings is on by default since PostgreSQL 9.1: doubling quotes is the whole escape. */
  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static String truncate(String description) {
    return description.length() <= 255 ? description : description.substring(0, 255);
  }
}
