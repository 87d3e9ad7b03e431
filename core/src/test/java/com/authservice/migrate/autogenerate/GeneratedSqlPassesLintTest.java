package com.authservice.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import com.authservice.migrate.autogenerate.render.OnlineDdl;
import com.authservice.migrate.autogenerate.schema.Column;
import com.authservice.migrate.lint.Catalog;
import com.authservice.migrate.lint.LintReport;
import com.authservice.migrate.lint.Linter;
import com.authservice.migrate.lint.ParsedScript;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Autogenerate never writes what lint flags: a required column, or a column made required, on a table that
 * already has rows is written the safe way, passes lint --strict, and applies once its backfill is filled in.
 */
@ExtendWith(PostgresExtension.class)
class GeneratedSqlPassesLintTest {

  private static final List<SchemaChange> REQUIRED_COLUMNS = List.of(
      new SchemaChange.AddColumn("users", new Column("nickname", "character varying(40)", false, Optional.empty(),
          false, Optional.empty())),
      new SchemaChange.AddColumn("users", new Column("active", "boolean", false, Optional.of("true"), false,
          Optional.empty())),
      new SchemaChange.AlterNullable("users", "email", false));

  private static void tableWithRows(TestDatabase db) {
    db.execute("create table users (id bigint primary key, email varchar(100))");
    db.execute("insert into users values (1, 'a@example.com'), (2, 'b@example.com')");
  }

  @Test
  void requiredColumnsOnATableWithRowsPassStrictLintUpAndUndo(TestDatabase db) throws Exception {
    tableWithRows(db);
    OnlineDdl ddl = new OnlineDdl(REQUIRED_COLUMNS);
    try (Connection connection = db.connect()) {
      ParsedScript up1 = ParsedScript.parse("up.sql", ddl.up(), "public");
      ParsedScript up2 = ParsedScript.parse("up_concurrently.sql", ddl.concurrentUp(), "public");
      LintReport up = new Linter(Catalog.read(connection, List.of(up1, up2)), "public")
          .lintScript(up1, true).lintScript(up2, false).report();
      assertThat(up.findings()).isEmpty();
      ParsedScript undo1 = ParsedScript.parse("undo_concurrently.sql", ddl.concurrentUndo(), "public");
      ParsedScript undo2 = ParsedScript.parse("undo.sql", ddl.undo(), "public");
      LintReport undo = new Linter(Catalog.read(connection, List.of(undo1, undo2)), "public")
          .lintScript(undo1, false).lintScript(undo2, true).report();
      assertThat(undo.findings()).isEmpty();
    }
    assertThat(ddl.up()).doesNotContain("NOT NULL;");
  }

  @Test
  void theBackfillPlaceholderStopsTheMigrationUntilFilledThenTheColumnsBecomeRequired(TestDatabase db) {
    tableWithRows(db);
    OnlineDdl ddl = new OnlineDdl(REQUIRED_COLUMNS);

    assertThatThrownBy(() -> db.execute("begin;\n" + ddl.up() + "commit;")).rootCause()
        .hasMessageContaining("syntax error");
    assertThat(db.query("select column_name from information_schema.columns where table_name = 'users'"))
        .containsExactlyInAnyOrder("id", "email");

    db.execute("begin;\n" + ddl.up().replaceAll("<[^>]*>", "'anonymous'") + "commit;");
    for (String statement : ddl.concurrentUp().split(";\n")) {
      db.execute(statement);
    }
    assertThat(db.query("select column_name || ' ' || is_nullable from information_schema.columns "
        + "where table_name = 'users' order by column_name"))
        .containsExactly("active NO", "email NO", "id NO", "nickname NO");
    assertThat(db.query("select nickname || ' ' || active from users order by id"))
        .containsExactly("anonymous true", "anonymous true");
    assertThat(db.query("select conname from pg_constraint where conrelid = 'users'::regclass and contype = 'c'"))
        .isEmpty();

    for (String statement : ddl.concurrentUndo().split(";\n")) {
      db.execute(statement);
    }
    db.execute("begin;\n" + ddl.undo() + "commit;");
    assertThat(db.query("select column_name || ' ' || is_nullable from information_schema.columns "
        + "where table_name = 'users' order by column_name")).containsExactly("email YES", "id NO");
  }
}
