package com.authservice.migrate.repeatable;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.InvalidArgument;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The table that records which content of each repeatable script was applied: {@code <changelog>_repeatable},
 * beside the changelog, created by the first run that applies one. A table of its own, because MyBatis reads
 * every changelog row as a numbered migration: a row without an id would break its CLI.
 */
public final class RepeatableLog {

  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_$]{0,62}\\.[a-z_][a-z0-9_$]{0,62}");

  private final String table;

  /** Beside {@code changelogTable} ({@code schema.name}, as {@code run.Changelog} gives it). */
  public RepeatableLog(String changelogTable) {
    String name = changelogTable + "_repeatable";
    if (!TABLE.matcher(name).matches()) {
      throw new InvalidArgument("The changelog table's name is too long for its repeatable table " + name
          + " (63 characters at most): choose a shorter changelog name.");
    }
    this.table = name;
  }

  public String table() {
    return table;
  }

  /** A recorded script: the checksum of the content last applied, and when. */
  public record Recorded(String checksum, String appliedAt) {
  }

  /** File name to what was last applied; empty when the table does not exist yet. Asks the catalog first. */
  public Map<String, Recorded> read(Connection connection) {
    Map<String, Recorded> recorded = new LinkedHashMap<>();
    try {
      if (!exists(connection)) {
        return recorded;
      }
      try (Statement query = connection.createStatement();
          ResultSet rows = query.executeQuery("select file_name, checksum, applied_at from " + table
              + " order by file_name")) {
        while (rows.next()) {
          recorded.put(rows.getString(1), new Recorded(rows.getString(2), rows.getString(3)));
        }
      }
      return recorded;
    } catch (SQLException e) {
      throw new DatabaseError("reading the repeatable scripts' table " + table, e);
    }
  }

  private boolean exists(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
      query.setString(1, table);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getBoolean(1);
      }
    }
  }

  /** The table's definition, idempotent: run in the transaction of the first script recorded in it. */
  public String createSql() {
    return "create table if not exists " + table + " (file_name varchar(255) primary key, "
        + "checksum varchar(64) not null, applied_at varchar(25) not null)";
  }

  /**
   * Records {@code script} as applied now (the changelog's {@code applied_at} format, read from the server so that
   * offline SQL records the time it runs), replacing what was recorded for it.
   */
  public String recordSql(RepeatableScript script) {
    return "insert into " + table + " (file_name, checksum, applied_at) values (" + literal(script.fileName()) + ", "
        + literal(script.checksum()) + ", to_char(now(), 'YYYY-MM-DD HH24:MI:SS')) "
        + "on conflict (file_name) do update set "
        + "checksum = excluded.checksum, applied_at = excluded.applied_at";
  }

  /** standard_conforming_strings is on by default since PostgreSQL 9.1: doubling quotes is the whole escape. */
  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
