package com.authservice.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.lint.ServerEvidence.Effect;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Each rule proven against a real PostgreSQL: the statement lint flags and its safe form are run on the
 * server, and pg_locks (the lock mode held on the table) and pg_class.relfilenode (a rewrite) show what the
 * rule says. Lint itself reads the same database's catalog, as it does before {@code up}.
 */
@ExtendWith(PostgresExtension.class)
class LintProofTest {

  private static final String SCHEMA = """
      create table users (id bigint not null, email varchar(20), phone text, full_name text);
      insert into users select i, 'u' || i, null, 'n' from generate_series(1, 1000) i;
      create table items (id bigint primary key, owner_id bigint, price numeric(10,2));
      insert into items values (1, 1, 5), (2, 99999, -1);
      create index ix_users_email on users (email);
      """;

  private static final String ACCESS_EXCLUSIVE = "AccessExclusiveLock";
  private static final String SHARE_UPDATE_EXCLUSIVE = "ShareUpdateExclusiveLock";
  private static final String INSERT = "insert into users values (5000, 'x', null, 'x')";

  private static ServerEvidence server(TestDatabase db) {
    db.execute(SCHEMA);
    return new ServerEvidence(db);
  }

  private static List<String> lint(TestDatabase db, String sql) throws SQLException {
    return lint(db, sql, true);
  }

  private static List<String> lint(TestDatabase db, String sql, boolean transactional) throws SQLException {
    try (Connection connection = db.connect()) {
      ParsedScript script = ParsedScript.parse("1_proof.sql", sql, "public");
      return new Linter(Catalog.read(connection, List.of(script)), "public").lintScript(script, transactional).report()
          .findings().stream().map(f -> f.rule().id()).toList();
    }
  }

  @Test
  void addingRequiredField(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    String flagged = "alter table users add column age int not null";
    String safe = "alter table users add column age int not null default 0";

    assertThat(lint(db, flagged)).containsExactly("adding-required-field");
    assertThat(server.outcome(flagged)).as("not-null violation on existing rows").isEqualTo("23502");
    assertThat(lint(db, safe)).isEmpty();
    Effect effect = server.inTransaction("users", safe);
    assertThat(effect.locks()).contains(ACCESS_EXCLUSIVE);
    assertThat(effect.rewritten()).as("a constant default is stored once, not written to every row").isFalse();
  }

  @Test
  void addingFieldWithVolatileDefault(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    for (String flagged : List.of("alter table users add column r float8 default random()",
        "alter table users add column token uuid default gen_random_uuid()")) {
      assertThat(lint(db, flagged)).containsExactly("adding-field-with-volatile-default");
      Effect effect = server.inTransaction("users", flagged);
      assertThat(effect.locks()).contains(ACCESS_EXCLUSIVE);
      assertThat(effect.rewritten()).as(flagged).isTrue();
    }
    String safe = "alter table users add column seen timestamptz not null default now()";
    assertThat(lint(db, safe)).as("now() is stable: pg_proc.provolatile = 's'").isEmpty();
    assertThat(server.inTransaction("users", safe).rewritten()).isFalse();
  }

  @Test
  void changingColumnType(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    String flagged = "alter table users alter column email type bigint using length(email)";
    assertThat(lint(db, flagged)).containsExactly("changing-column-type");
    Effect effect = server.inTransaction("users", flagged);
    assertThat(effect.locks()).contains(ACCESS_EXCLUSIVE);
    assertThat(effect.rewritten()).isTrue();

    for (String safe : List.of("alter table users alter column email type varchar(50)",
        "alter table users alter column email type text")) {
      assertThat(lint(db, safe)).as(safe).isEmpty();
      assertThat(server.inTransaction("users", safe).rewritten()).as(safe).isFalse();
    }
  }

  @Test
  void settingNotNull(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    String flagged = "alter table users alter column phone set not null";
    assertThat(lint(db, flagged)).containsExactly("setting-not-null");
    assertThat(server.outcome(flagged)).as("it reads every row: one NULL fails it").isEqualTo("23502");
    Effect effect = server.inTransaction("users", "update users set phone = 'p'; " + flagged);
    assertThat(effect.locks()).contains(ACCESS_EXCLUSIVE);

    // The safe way: a NOT VALID check (no scan: it succeeds over the NULLs), validated under a weaker lock,
    // then SET NOT NULL, which the server proves from the check instead of reading the table.
    String check = "alter table users add constraint phone_nn check (phone is not null) not valid";
    assertThat(lint(db, check)).isEmpty();
    assertThat(server.outcome(check)).isEqualTo("ok");
    db.execute("update users set phone = 'p'; " + check);
    assertThat(server.inTransaction("users", "alter table users validate constraint phone_nn").locks())
        .containsExactly(SHARE_UPDATE_EXCLUSIVE);
    db.execute("alter table users validate constraint phone_nn");
    assertThat(lint(db, flagged)).as("the validated check proves it").isEmpty();
    assertThat(server.inTransaction("users", flagged).messages())
        .anyMatch(m -> m.contains("sufficient to prove that it does not contain nulls"));
  }

  @Test
  void requireConcurrentIndexCreation(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    String flagged = "create index ix_users_name on users (full_name)";
    assertThat(lint(db, flagged)).containsExactly("require-concurrent-index-creation");
    assertThat(server.inTransaction("users", flagged).locks()).contains("ShareLock");
    assertThat(server.writeDuring(flagged, INSERT)).isEqualTo("waits");

    String safe = "create index concurrently ix_users_name on users (full_name)";
    assertThat(lint(db, safe, false)).isEmpty();
    Effect effect = server.whileWaiting("users", safe, "insert into users values (6000, 'y', null, 'y')");
    assertThat(effect.locks()).containsExactly(SHARE_UPDATE_EXCLUSIVE);
    assertThat(effect.messages()).containsExactly("write ok");
  }

  @Test
  void requireConcurrentIndexDeletion(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    String flagged = "drop index ix_users_email";
    assertThat(lint(db, flagged)).containsExactly("require-concurrent-index-deletion");
    assertThat(server.inTransaction("users", flagged).locks()).contains(ACCESS_EXCLUSIVE);

    String safe = "drop index concurrently ix_users_email";
    assertThat(lint(db, safe, false)).isEmpty();
    assertThat(server.whileWaiting("users", safe, INSERT).locks()).containsExactly(SHARE_UPDATE_EXCLUSIVE);
  }

  @Test
  void banConcurrentIndexCreationInTransaction(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    String concurrently = "create index concurrently ix_users_name on users (full_name)";
    assertThat(lint(db, concurrently, true)).containsExactly("ban-concurrent-index-creation-in-transaction");
    assertThat(server.outcome(concurrently)).as("cannot run inside a transaction block").isEqualTo("25001");
    assertThat(lint(db, concurrently, false)).isEmpty();
  }

  @Test
  void constraintMissingNotValid(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    String foreignKey = "alter table items add constraint fk_owner foreign key (owner_id) references users (id)";
    db.execute("alter table users add primary key (id)");
    assertThat(lint(db, foreignKey)).containsExactly("constraint-missing-not-valid");
    assertThat(server.outcome(foreignKey)).as("it checks every existing row").isEqualTo("23503");
    assertThat(lint(db, foreignKey + " not valid")).isEmpty();
    assertThat(server.outcome(foreignKey + " not valid")).as("no scan of existing rows").isEqualTo("ok");

    String check = "alter table items add constraint price_positive check (price >= 0)";
    assertThat(lint(db, check)).containsExactly("constraint-missing-not-valid");
    assertThat(server.outcome(check)).isEqualTo("23514");
    assertThat(server.inTransaction("items", "update items set price = 0; " + check).locks())
        .contains(ACCESS_EXCLUSIVE);
    assertThat(lint(db, check + " not valid")).isEmpty();
    assertThat(server.outcome(check + " not valid")).isEqualTo("ok");
    db.execute("update items set price = 0; " + check + " not valid");
    assertThat(server.inTransaction("items", "alter table items validate constraint price_positive").locks())
        .as("VALIDATE lets reads and writes go on").containsExactly(SHARE_UPDATE_EXCLUSIVE);
  }

  @Test
  void disallowedUniqueConstraint(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    String flagged = "alter table users add constraint uq_email unique (email)";
    assertThat(lint(db, flagged)).containsExactly("disallowed-unique-constraint");
    assertThat(server.inTransaction("users", flagged).locks()).contains(ACCESS_EXCLUSIVE);
    assertThat(server.writeDuring(flagged, INSERT)).isEqualTo("waits");

    db.execute("create unique index concurrently ix_email_unique on users (email)");
    String safe = "alter table users add constraint uq_email unique using index ix_email_unique";
    assertThat(lint(db, safe)).isEmpty();
    String indexFile = db.queryOne("select relfilenode from pg_class where relname = 'ix_email_unique'");
    db.execute(safe);
    assertThat(db.queryOne("select relfilenode from pg_class where relname = 'uq_email'"))
        .as("the index built concurrently becomes the constraint's: nothing is built under the lock")
        .isEqualTo(indexFile);
  }

  @Test
  void addingSerialPrimaryKeyField(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    String flagged = "alter table users add column uid bigserial primary key";
    assertThat(lint(db, flagged)).contains("adding-serial-primary-key-field");
    Effect effect = server.inTransaction("users", flagged);
    assertThat(effect.locks()).contains(ACCESS_EXCLUSIVE);
    assertThat(effect.rewritten()).isTrue();

    db.execute("create unique index concurrently ix_users_id on users (id)");
    String safe = "alter table users add constraint users_pkey primary key using index ix_users_id";
    assertThat(lint(db, safe)).isEmpty();
    assertThat(server.inTransaction("users", safe).rewritten()).isFalse();
  }

  @Test
  void renamingColumnAndTable(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    String column = "alter table users rename column full_name to name";
    assertThat(lint(db, column)).containsExactly("renaming-column");
    assertThat(server.inTransaction("users", column).locks()).contains(ACCESS_EXCLUSIVE);
    assertThat(server.outcome(column + "; select full_name from users")).as("the old version's query").isEqualTo("42703");
    String table = "alter table users rename to people";
    assertThat(lint(db, table)).containsExactly("renaming-table");
    assertThat(server.outcome(table + "; select id from users")).isEqualTo("42P01");

    String safe = "alter table users add column name text";
    assertThat(lint(db, safe)).isEmpty();
    assertThat(server.outcome(safe + "; select full_name from users")).isEqualTo("ok");
    assertThat(server.inTransaction("users", safe).rewritten()).isFalse();
  }

  @Test
  void banDropColumnAndTable(TestDatabase db) throws Exception {
    ServerEvidence server = server(db);
    String column = "alter table users drop column phone";
    assertThat(lint(db, column)).containsExactly("ban-drop-column");
    assertThat(server.inTransaction("users", column).locks()).contains(ACCESS_EXCLUSIVE);
    assertThat(server.outcome(column + "; select phone from users")).isEqualTo("42703");
    String table = "drop table items";
    assertThat(lint(db, table)).containsExactly("ban-drop-table");
    assertThat(server.inTransaction("items", table).locks()).contains(ACCESS_EXCLUSIVE);

    String accepted = "-- migrate:allow ban-drop-column\n" + column;
    assertThat(lint(db, accepted)).isEmpty();
    assertThat(server.outcome(column + "; select id, email from users")).as("the release that stopped using it")
        .isEqualTo("ok");
  }

  @Test
  void transactionNesting(TestDatabase db) throws Exception {
    server(db);
    String flagged = "begin; insert into items values (10, 1, 1); commit; insert into items values (10, 1, 1)";
    assertThat(lint(db, flagged)).containsExactly("transaction-nesting", "transaction-nesting");
    assertThat(runAsTheConsoleDoes(db, flagged, 10)).as("COMMIT ended the migration's transaction: row 10 stayed")
        .isEqualTo("1");

    String safe = "insert into items values (11, 1, 1); insert into items values (11, 1, 1)";
    assertThat(lint(db, safe)).isEmpty();
    assertThat(runAsTheConsoleDoes(db, safe, 11)).as("the failure rolled the whole migration back").isEqualTo("0");
  }

  /** Runs the statements in one transaction, rolled back at the first failure; counts the rows with {@code id}. */
  private static String runAsTheConsoleDoes(TestDatabase db, String script, int id) throws SQLException {
    try (Connection session = db.connect(); var statement = session.createStatement()) {
      session.setAutoCommit(false);
      try {
        for (String sql : script.split(";")) {
          statement.execute(sql);
        }
        session.commit();
      } catch (SQLException e) {
        session.rollback();
      }
    }
    return db.queryOne("select count(*) from items where id = " + id);
  }
}
