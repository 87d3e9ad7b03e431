package com.authservice.migrate.testing;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.Password;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/**
 * A test database owned by a login role whose password the server really checks (scram-sha-256 on the
 * embedded server, the image's default in a container). The shared server trusts its superuser, so a test
 * of secrets that connects as {@code postgres} passes whatever the password: connect as this owner instead.
 * Making one proves the check: if the server accepts a wrong password, the fixture fails, not the test.
 */
public final class PasswordProtectedDatabase {

  private final TestDatabase database;
  private final ConnectionSettings owner;

  private PasswordProtectedDatabase(TestDatabase database, ConnectionSettings owner) {
    this.database = database;
    this.owner = owner;
  }

  /** {@code database} handed to a new role with a fresh random password, which owns it and its public schema. */
  public static PasswordProtectedDatabase of(TestDatabase database) {
    String role = database.name() + "_owner";
    String password = "Pw-" + UUID.randomUUID();
    database.execute("create role " + role + " login password '" + password + "'");
    database.execute("alter database " + database.name() + " owner to " + role);
    database.execute("alter schema public owner to " + role);
    ConnectionSettings owner = new ConnectionSettings(database.settings().host(), database.settings().port(),
        database.name(), role, new Password(password), "public", null);
    PasswordProtectedDatabase protectedDatabase = new PasswordProtectedDatabase(database, owner);
    protectedDatabase.requireThatTheServerChecksPasswords();
    return protectedDatabase;
  }

  /** How the owner connects: the right password. */
  public ConnectionSettings settings() {
    return owner;
  }

  public String user() {
    return owner.user();
  }

  public String password() {
    return owner.password().reveal();
  }

  /** A JDBC URL that carries the user and the password itself, as some deployments write it. */
  public String urlWithPassword(String password) {
    return owner.jdbcUrl() + "?user=" + owner.user() + "&password=" + password;
  }

  /** The database as the superuser sees it, for assertions. */
  public TestDatabase database() {
    return database;
  }

  private void requireThatTheServerChecksPasswords() {
    Properties wrong = new Properties();
    wrong.setProperty("user", owner.user());
    wrong.setProperty("password", "not-" + password());
    try (Connection accepted = DriverManager.getConnection(owner.jdbcUrl(), wrong)) {
      throw new IllegalStateException("The test server at " + owner.hostAndPort() + " accepted a wrong password "
          + "for " + owner.user() + ": its pg_hba.conf trusts it, so no test of a password means anything there");
    } catch (SQLException refused) {
      if (!"28P01".equals(refused.getSQLState())) {
        throw new IllegalStateException("Cannot check that the test server checks passwords", refused);
      }
    }
  }
}
