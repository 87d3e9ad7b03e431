package com.authservice.migrate.fleet;

import com.authservice.migrate.link.DeadLink;
import com.authservice.migrate.run.Database;
import com.authservice.migrate.settings.ConnectionSettings;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The connection one worker of a fleet run keeps. Members that are schemas of one database share it, one after
 * the other: each gets it reset and with its own search_path, which saves a connection (and a server process)
 * per member. Members that are databases need one each; it is closed when the member is done.
 */
final class MemberConnection implements AutoCloseable {

  private final Fleet fleet;
  /** The run's own dead-link time (MIGRATE_DEAD_LINK_TIMEOUT), for every member's session. */
  private final DeadLink deadLink;
  private Connection kept;

  MemberConnection(Fleet fleet, DeadLink deadLink) {
    this.fleet = fleet;
    this.deadLink = deadLink;
  }

  /**
   * A database that lends the kept connection, ready for {@code member}; throws what stops the member from
   * being reached: the server refuses the connection, or the user may not use the member's schema.
   */
  Database reach(ConnectionSettings member) {
    Database database = new Database(member, deadLink);
    if (fleet.kind() == Fleet.Kind.SCHEMAS && kept != null) {
      try {
        database.reset(kept);
      } catch (SQLException broken) {
        close();
      }
    }
    if (kept == null) {
      kept = database.open();
    }
    if (fleet.kind() == Fleet.Kind.SCHEMAS) {
      database.requireSchema(kept);
    }
    return Database.lending(member, deadLink, kept);
  }

  /** The member is done: a database's connection goes; a schema's stays for the next schema. */
  void done() {
    if (fleet.kind() == Fleet.Kind.DATABASES) {
      close();
    }
  }

  @Override
  public void close() {
    if (kept != null) {
      try {
        kept.close();
      } catch (SQLException ignored) {
        // Already broken: the server has ended the session either way.
      }
      kept = null;
    }
  }
}
