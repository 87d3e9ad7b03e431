package com.authservice.migrate.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Scripts written for psql, with constructs whose semicolons do not end a statement, run through {@code up}. */
@ExtendWith(PostgresExtension.class)
class PsqlSyntaxUpTest {

  private static final String SCRIPT = """
      -- // psql syntax
      CREATE TABLE notes (id int PRIMARY KEY, body text);
      CREATE FUNCTION note_count() RETURNS bigint
      LANGUAGE SQL
      BEGIN ATOMIC
        SELECT CASE WHEN count(*) > 0 THEN count(*) ELSE 0 END FROM notes;
      END;
      CREATE RULE notes_notify AS ON INSERT TO notes DO ALSO (NOTIFY notes_a; NOTIFY notes_b);
      SET LOCAL standard_conforming_strings = off;
      INSERT INTO notes VALUES (1, 'It\\'s done; really');
      INSERT INTO notes VALUES (2, E'a\\'b'
        'c\\'d; e');
      -- //@UNDO
      DROP TABLE notes;
      DROP FUNCTION note_count();
      """;

  @TempDir
  Path temp;

  @Test
  void upRunsSqlStandardBodiesRuleActionsAndEscapedStringsAsPsqlDoes(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    scripts.write("20251101000000_psql_syntax.sql", SCRIPT);

    new Migrations(new MigrationConfig(db.settings(), scripts.folder())).up(Target.head(), RunListener.NONE);

    assertThat(db.query("select body from notes order by id")).containsExactly("It's done; really", "a'bc'd; e");
    assertThat(db.queryOne("select note_count()")).isEqualTo("2");
    assertThat(db.queryOne("select count(*) from pg_rules where rulename = 'notes_notify'")).isEqualTo("1");
    assertThat(db.appliedIds()).contains("20251101000000");
  }
}
