package com.authservice.migrate.testing;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.Password;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tenants for fleet tests, named {@code <prefix>_<name>} with a prefix unique in the test run: schemas of one test
 * database, owned by a login role of their own that migrates them; or databases of the test server, migrated by
 * the superuser. One can be made unreachable: a schema the role may not use, a database that takes no connections.
 */
public final class Tenants {

  private static final AtomicInteger FLEETS = new AtomicInteger();

  private final PostgresServer server;
  private final String prefix;
  private final boolean schemas;
  private final ConnectionSettings migrator;

  private Tenants(PostgresServer server, String prefix, boolean schemas, ConnectionSettings migrator) {
    this.server = server;
    this.prefix = prefix;
    this.schemas = schemas;
    this.migrator = migrator;
  }

  /** Schemas of {@code db}, each owned by a new role (with a password) whose settings {@link #migrator()} gives. */
  public static Tenants schemas(TestDatabase db, String... names) {
    String prefix = "tenant" + FLEETS.incrementAndGet();
    String role = "fleet_" + ProcessHandle.current().pid() + "_" + prefix;
    String password = "Pw-" + UUID.randomUUID();
    db.execute("create role " + role + " login password '" + password + "'");
    db.execute("grant connect, create on database " + db.name() + " to " + role);
    ConnectionSettings migrator = new ConnectionSettings(db.settings().host(), db.settings().port(), db.name(), role,
        new Password(password), "public", null);
    Tenants tenants = new Tenants(db.server(), prefix, true, migrator);
    for (String name : names) {
      db.execute("create schema " + tenants.name(name) + " authorization " + role);
    }
    return tenants;
  }

  /** Databases of the test server, migrated by the superuser ({@link #migrator()} connects to {@code postgres}). */
  public static Tenants databases(PostgresServer server, String... names) {
    String prefix = "fleet" + ProcessHandle.current().pid() + "x" + FLEETS.incrementAndGet();
    Tenants tenants = new Tenants(server, prefix, false, server.settings("postgres"));
    for (String name : names) {
      tenants.admin("postgres", "create database " + tenants.name(name));
    }
    return tenants;
  }

  /** The full name of tenant {@code name}: a schema or database name. */
  public String name(String name) {
    return prefix + "_" + name;
  }

  /** The glob that matches these tenants and no others. */
  public String glob() {
    return prefix + "_*";
  }

  /** How the fleet connects: the role owning the schemas (their database), or the superuser (to postgres). */
  public ConnectionSettings migrator() {
    return migrator;
  }

  /** A fleet file's lines for these tenants; the password comes from the variable {@code passwordVariable}. */
  public String fleetFile(String passwordVariable) {
    return "host=" + migrator.host() + "\nport=" + migrator.port() + "\n"
        + (schemas ? "database=" + migrator.database() + "\n" : "") + "username=" + migrator.user() + "\n"
        + "password_env=" + passwordVariable + "\n" + (schemas ? "schemas=" : "databases=") + glob() + "\n";
  }

  /** Runs {@code sql} as the superuser inside tenant {@code name} (in its schema, or in its database). */
  public void execute(String name, String sql) {
    admin(schemas ? migrator.database() : name(name), (schemas ? "set search_path to " + name(name) + "; " : "") + sql);
  }

  /** No USAGE on the schema for the migrating role; no connections at all to the database. */
  public void makeUnreachable(String name) {
    if (schemas) {
      admin(migrator.database(), "alter schema " + name(name) + " owner to " + server.user());
    } else {
      admin("postgres", "alter database " + name(name) + " allow_connections false");
    }
  }

  public void makeReachable(String name) {
    if (schemas) {
      admin(migrator.database(), "alter schema " + name(name) + " owner to " + migrator.user());
    } else {
      admin("postgres", "alter database " + name(name) + " allow_connections true");
    }
  }

  /** The ids in tenant {@code name}'s changelog, oldest first; empty when it has none. */
  public List<String> appliedIds(String name) {
    if (query(name, "select to_regclass('" + table(name, "changelog") + "') is null").equals(List.of("t"))) {
      return List.of();
    }
    return query(name, "select id from " + table(name, "changelog") + " order by id");
  }

  /** The rows {@code sql} gives in tenant {@code name}'s database, each as its columns joined by {@code |}. */
  public List<String> query(String name, String sql) {
    return new TestDatabase(server, server.settings(schemas ? migrator.database() : name(name))).query(sql);
  }

  /** {@code table} of tenant {@code name}, qualified as SQL needs it. */
  public String table(String name, String table) {
    return (schemas ? name(name) : "public") + "." + table;
  }

  private void admin(String database, String sql) {
    try (Connection connection = server.connect(database); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Failed: " + sql, e);
    }
  }
}
