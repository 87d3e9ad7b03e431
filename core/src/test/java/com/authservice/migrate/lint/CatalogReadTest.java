package com.authservice.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.FaultProxy;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lint reads of the catalog only what the pending scripts name: on a production database of thousands of tables
 * and functions, reading all of them cost megabytes per run. What it reads still decides the findings.
 */
@ExtendWith(PostgresExtension.class)
class CatalogReadTest {

  private static final String PENDING = "20251120000000_Widen_full_name.sql";
  private static final String SCRIPT = """
      -- // Widen full_name
      ALTER TABLE users ALTER COLUMN full_name TYPE varchar(500);
      ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT now();
      ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();
      -- //@UNDO
      ALTER TABLE users DROP COLUMN token, DROP COLUMN seen_at, ALTER COLUMN full_name TYPE varchar(255);
      """;
  private static final int UNRELATED_TABLES = 300;

  @TempDir
  Path temp;

  @Test
  void lintReadsTheSameFewBytesHoweverManyUnrelatedTablesTheDatabaseHas(TestDatabase db) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    new Migrations(new MigrationConfig(db.settings(), scripts.folder())).up(Target.head(), RunListener.NONE);
    scripts.write(PENDING, SCRIPT);
    try (FaultProxy proxy = FaultProxy.to(db.settings())) {
      Migrations viaProxy = new Migrations(new MigrationConfig(proxy.settings(db.settings()), scripts.folder()));
      long before = proxy.bytesToClient();
      LintReport few = viaProxy.lint(null, false);
      long withFewTables = proxy.bytesToClient() - before;

      createUnrelatedTables(db);
      before = proxy.bytesToClient();
      LintReport many = viaProxy.lint(null, false);
      long withManyTables = proxy.bytesToClient() - before;
      System.out.printf("bytes from the server for lint: %d with the project's tables, %d with %d more%n",
          withFewTables, withManyTables, UNRELATED_TABLES);

      assertThat(withManyTables - withFewTables).as("bytes the unrelated tables cost").isLessThan(256);
      // Connecting, the changelog and the catalog of one table and two functions: a few kilobytes, where reading
      // every function's volatility alone took some 100 KB.
      assertThat(withManyTables).isLessThan(16 * 1024);
      assertThat(findings(many)).isEqualTo(findings(few))
          .containsExactly(PENDING + ":4 adding-field-with-volatile-default");
    }
  }

  @Test
  void theCatalogHoldsOnlyTheColumnsOfTheTablesTheScriptsChangeAndTheFunctionsTheyCall(TestDatabase db)
      throws SQLException {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp);
    new Migrations(new MigrationConfig(db.settings(), scripts.folder())).up(Target.head(), RunListener.NONE);
    createUnrelatedTables(db);
    try (Connection connection = db.connect()) {
      Catalog catalog = Catalog.read(connection, List.of(ParsedScript.parse(PENDING, SCRIPT, "public")));
      int usersColumns = Integer.parseInt(db.queryOne("""
          select count(*) from pg_attribute where attrelid = 'public.users'::regclass and attnum > 0
            and not attisdropped"""));

      assertThat(catalog.entriesRead()).isEqualTo(usersColumns + 2);
      assertThat(catalog.columnType("public.users", "full_name")).map(Object::toString)
          .contains("varchar(255)");
      assertThat(catalog.columnType("public.unrelated_001", "c1")).isEmpty();
      assertThat(catalog.isVolatile("gen_random_uuid")).isTrue();
      assertThat(catalog.isVolatile("now")).isFalse();
    }
  }

  private static void createUnrelatedTables(TestDatabase db) {
    db.execute("do $$ begin for i in 1.." + UNRELATED_TABLES + " loop execute format('create table unrelated_%s "
        + "(id int primary key, c1 text, c2 text, c3 int check (c3 is not null), c4 timestamptz, c5 numeric(10,2), "
        + "c6 boolean, c7 varchar(40))', lpad(i::text, 3, '0')); end loop; end $$");
  }

  private static List<String> findings(LintReport report) {
    return report.findings().stream().map(f -> f.fileName() + ":" + f.line() + " " + f.rule().id()).toList();
  }
}
