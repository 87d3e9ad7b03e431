package com.authservice.migrate.javamigration;

import java.sql.Connection;

/**
 * A migration written in Java, for data changes SQL expresses badly (a backfill in batches, a re-encoding). Its id
 * and place in history come from a stub script in {@code scripts/} whose header names the class
 * ({@code -- migrate:java com.example.BackfillEmails}); the class needs a public no-argument constructor.
 * Flyway's {@code JavaMigration} and Liquibase's {@code customChange} are the models.
 */
public interface JavaMigration {

  /** Applies the change. Throwing fails the migration: in a transaction, nothing it did stays. */
  void up(Context context) throws Exception;

  /** Undoes the change; by default there is nothing to undo and {@code down} only removes the changelog row. */
  default void down(Context context) throws Exception {
  }

  /**
   * True (the default): {@link #up} and {@link #down} run in the migration's transaction, with its changelog row.
   * False: the migration commits on the connection itself (a batched backfill that keeps what each batch did); the
   * changelog row is written only after it returns, so a rerun after a failure must continue where it stopped.
   */
  default boolean transactional() {
    return true;
  }

  /**
   * What a Java migration is given.
   *
   * @param connection the run's connection, auto-commit off; do not close it
   * @param schema the schema the changelog and the migrations live in (the session's {@code search_path})
   * @param fileName the stub script's file name, for messages
   */
  record Context(Connection connection, String schema, String fileName) {
  }
}
