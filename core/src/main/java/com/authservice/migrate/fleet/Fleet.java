package com.authservice.migrate.fleet;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.NamePattern;

/**
 * Many databases of one server, or many schemas of one database, migrated as one target
 * ({@code fleets/<name>.properties}): the server to connect to, and the globs that pick its members from the
 * catalog. A protected fleet needs one confirmation before a command changes any member.
 *
 * @param server how to connect: for a fleet of schemas, to their database; for a fleet of databases, to the one
 *     where the list of databases is read (the members are the same server with another database)
 */
public record Fleet(String name, Kind kind, NamePattern members, ConnectionSettings server, boolean isProtected) {

  /** What the members are; {@link #word()} is how output names them. */
  public enum Kind {
    DATABASES, SCHEMAS;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** How to reach the member {@code name}; fails for a name the console cannot use safely. */
  public ConnectionSettings member(String name) {
    String variable = kind == Kind.DATABASES ? ConnectionSettings.DB : ConnectionSettings.SCHEMA;
    String member = kind == Kind.DATABASES ? "database" : "schema";
    ConnectionSettings named = server.naming(variable, "the " + member + " of fleet " + this.name,
        kind.word() + " in fleets/" + this.name + ".properties");
    return kind == Kind.DATABASES ? named.withDatabase(name) : named.withSchema(name);
  }

  /** {@code schemas tenant_* of saas@db:5432}, {@code databases tenant_* on db:5432}. */
  public String describe() {
    return kind.word() + " " + members + (kind == Kind.DATABASES ? " on " + server.hostAndPort()
        : " of " + server.target());
  }
}
