package com.authservice.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.errors.ScriptFailed;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A migration's transaction holds its statements and its changelog row; nothing in the script may end it. */
@ExtendWith(PostgresExtension.class)
class TransactionControlTest {

  private static final String FILE = "20251120000000_Two_tables.sql";

  @TempDir
  Path temp;

  private TestScripts scripts;

  private Migrations atHead(TestDatabase db) {
    scripts = TestScripts.copyOfProjectRepository(temp);
    Migrations migrations = new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
    migrations.up(Target.head(), RunListener.NONE);
    return migrations;
  }

  @Test
  void aCommitInATransactionalScriptIsRefusedBeforeTheFirstStatementRuns(TestDatabase db) {
    Migrations migrations = atHead(db);
    List<String> before = db.schemaSnapshot();
    scripts.write(FILE, "-- // Two tables\nCREATE TABLE a (id int);\nCOMMIT;\nCREATE TABLE b (id int);\n"
        + "SELECT 1/0;\n-- //@UNDO\n");

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(MalformedScript.class)
        .hasMessage("Malformed migration script " + FILE + ": line 3: COMMIT would end the migration's transaction, "
            + "which also records it in the changelog: remove it (each migration runs in one transaction), or mark "
            + "the script -- migrate:no-transaction to run its own BEGIN ... COMMIT blocks");
    assertThat(db.schemaSnapshot()).isEqualTo(before);
    assertThat(migrations.validate().problems()).singleElement()
        .satisfies(p -> assertThat(p.message()).contains("line 3: COMMIT"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"CREATE INDEX CONCURRENTLY ix_a ON a (id)", "VACUUM a", "CREATE DATABASE other",
      "ALTER SYSTEM SET work_mem = '8MB'", "BEGIN", "START TRANSACTION", "END", "ROLLBACK", "DROP INDEX CONCURRENTLY ix",
      "REINDEX TABLE CONCURRENTLY a", "CREATE TABLESPACE t LOCATION '/tmp'", "CLUSTER"})
  void aStatementThatCannotRunInTheMigrationsTransactionIsRefusedNamingItsLine(String statement, TestDatabase db) {
    Migrations migrations = atHead(db);
    scripts.write(FILE, "-- // Two tables\nCREATE TABLE a (id int);\n" + statement + ";\n-- //@UNDO\n");

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(MalformedScript.class)
        .hasMessageContaining(FILE + ": line 3: ")
        .hasMessageContaining("-- migrate:no-transaction");
    assertThat(db.query("select 1 from pg_class where relname = 'a'")).isEmpty();
  }

  @Test
  void savepointsAndTheNoTransactionScriptsOwnBlocksAreAllowed(TestDatabase db) {
    Migrations migrations = atHead(db);
    scripts.write(FILE, "-- // Two tables\nCREATE TABLE a (id int);\nSAVEPOINT s;\nINSERT INTO a VALUES (1);\n"
        + "ROLLBACK TO SAVEPOINT s;\n-- //@UNDO\n");
    scripts.write("20251120000001_Own_blocks.sql", "-- // Own blocks\n-- migrate:no-transaction\nBEGIN;\n"
        + "CREATE TABLE b (id int);\nCOMMIT;\nCREATE INDEX CONCURRENTLY ix_b ON b (id);\n-- //@UNDO\n");

    migrations.up(Target.head(), RunListener.NONE);

    assertThat(db.queryOne("select count(*) from a")).isEqualTo("0");
    assertThat(db.query("select 1 from pg_class where relname = 'ix_b'")).hasSize(1);
  }

  @Test
  void aFailedNoTransactionScriptSaysWhichStatementsRanAndStay(TestDatabase db) {
    Migrations migrations = atHead(db);
    scripts.write(FILE, "-- // Two tables\n-- migrate:no-transaction\nCREATE TABLE a (id int);\nBEGIN;\n"
        + "CREATE TABLE b (id int);\nCOMMIT;\nSELECT 1/0;\n-- //@UNDO\n");

    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(ScriptFailed.class)
        .hasMessageContaining(FILE + " line 7: ERROR: division by zero")
        .hasMessageContaining("statements 1-4 (lines 3-6) ran and stay applied");
    assertThat(db.query("select relname from pg_class where relname in ('a', 'b') order by 1")).containsExactly("a", "b");
  }
}
