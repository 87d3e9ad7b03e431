package com.authservice.migrate.run;

import com.authservice.migrate.sql.SqlStatements;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;

/** The one-round-trip path, seen from the session that runs it. */
@ExtendWith(PostgresExtension.class)
class BatchTest {

  @Test
  void migrationsLeaveNoPreparedStatementsBehindOnTheServer(TestDatabase db) throws Exception {
    db.execute("create table applied (id int)");
    try (Connection connection = db.connect()) {
      Batch batch = new Batch(connection);
      for (int i = 1; i <= 20; i++) {
        boolean sent = batch.run("m" + i + ".sql", Optional.empty(), SqlStatements.split(
            "create table t" + i + " (id int);\ncreate index ix" + i + " on t" + i + " (id);\n", 1),
            "insert into applied values (" + i + ")");
        assertThat(sent).isTrue();
      }

      // A named statement per part would be kept by the server for the whole run: thousands for a big `up`.
      try (Statement query = connection.createStatement();
          ResultSet count = query.executeQuery("select count(*) from pg_prepared_statements")) {
        count.next();
        assertThat(count.getInt(1)).isZero();
      }
    }
    assertThat(db.query("select count(*) from applied")).containsExactly("20");
  }

  @Test
  void aScriptThatChangesHowStringsReadIsNotJoinedIntoOneTextForTheDriverToReparse() {
    assertThat(Batch.canCarry(SqlStatements.split("create table a (t text);\ninsert into a values ('x');\n"))).isTrue();
    assertThat(Batch.canCarry(SqlStatements.split(
        "SET LOCAL standard_conforming_strings = off;\ninsert into a values ('it\\'s; done');\n"))).isFalse();
  }

  @Test
  void statementsThatReturnRowsArePipelinedOnlyInAShortScript() {
    assertThat(Batch.canCarry(SqlStatements.split("create sequence s;\nselect setval('s', 10);\n"))).isTrue();
    String longScript = "select 1;\n" + "insert into a values ('x');\n".repeat(3_000);
    assertThat(Batch.canCarry(SqlStatements.split(longScript))).isFalse();
    assertThat(Batch.canCarry(SqlStatements.split(longScript.replace("select 1", "create table b ()")))).isTrue();
  }
}
