package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The seed guide's workflow example, end to end: model has phone_number, generate, review, apply, verify. */
@ExtendWith(PostgresExtension.class)
class ModelCommandsTest {

  @TempDir
  Path dir;

  @Test
  void theSeedsAddPhoneNumberWorkflowEndToEnd(TestDatabase db) throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(dir.resolve("migrations"));
    scripts.delete("20251015093000_Add_phone_number_to_users.sql");
    Console console = new Console(dir).connectedTo(db.settings());
    assertThat(console.run("up").exitCode()).isZero();

    Run check = console.run("check");
    assertThat(check.exitCode()).isEqualTo(1);
    assertThat(check.out()).contains("add column users.phone_number");

    Run generated = console.run("new", "--autogenerate", "Add phone_number to users");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    assertThat(generated.out()).contains("Detected 1 change(s):").contains("add column users.phone_number")
        .contains("Review it before applying");
    Path script;
    try (var files = Files.list(scripts.scriptsDir())) {
      script = files.filter(f -> f.getFileName().toString().endsWith("_Add_phone_number_to_users.sql")).findFirst()
          .orElseThrow();
    }
    assertThat(Files.readString(script)).contains("ADD COLUMN phone_number character varying(20)");

    assertThat(console.run("up").exitCode()).isZero();
    assertThat(db.query("select character_maximum_length from information_schema.columns "
        + "where table_name = 'users' and column_name = 'phone_number'")).containsExactly("20");
    Run verify = console.run("check");
    assertThat(verify.exitCode()).isZero();
    assertThat(verify.out()).contains("matches the models");
    Run nothing = console.run("autogenerate", "Nothing changed");
    assertThat(nothing.exitCode()).isZero();
    assertThat(nothing.out()).contains("No changes detected");
  }

  @Test
  void autogenerateRefusesWhenTheDatabaseIsBehind(TestDatabase db) {
    Console console = Console.inCheckout(dir, db.settings());
    console.run("up", "1");

    Run run = console.run("autogenerate", "x");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Target database is not up to date").contains("Run `up` first");
  }

  @Test
  void aModelSetCanBeNamedByPackageOrClasses(TestDatabase db) {
    Console console = Console.inCheckout(dir, db.settings());
    console.run("up");

    assertThat(console.run("check", "--models", "com.authservice.domain").exitCode()).isZero();
    Run partial = console.run("check", "--models", "com.authservice.domain.User,com.authservice.domain.Category");
    assertThat(partial.exitCode()).isEqualTo(1);
    assertThat(partial.out()).contains("remove table items");
    assertThat(console.run("check", "--models", "no.such.package").exitCode()).isEqualTo(2);
  }

  @Test
  void excludedTablesOfAnotherServiceAreNeitherReportedNorDropped(TestDatabase db) throws Exception {
    Console console = Console.inCheckout(dir, db.settings());
    console.run("up");
    db.execute("CREATE TABLE billing_invoices (id INT); CREATE TABLE billing_runs (id INT); CREATE TABLE audit_log (id INT)");

    Run unfiltered = console.run("check");
    assertThat(unfiltered.exitCode()).isEqualTo(1);
    assertThat(unfiltered.out()).contains("remove table billing_invoices").contains("remove table audit_log");
    assertThat(console.run("check", "--exclude", "billing_*,audit_log").exitCode()).isZero();

    Path settings = dir.resolve("migrations/environments/development.properties");
    Files.createDirectories(settings.getParent());
    Files.writeString(settings, Files.readString(TestScripts.projectRepository().resolve("environments/development.properties"))
        + "exclude_tables=billing_*\n");
    Run partly = console.run("check");
    assertThat(partly.out()).contains("remove table audit_log").doesNotContain("billing");
    Run generated = console.run("autogenerate", "Nothing of billing", "--exclude", "audit_*");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    assertThat(generated.out()).contains("No changes detected");
    assertThat(console.run("new", "--autogenerate", "Nothing either", "--exclude", "audit_*").out())
        .contains("No changes detected");

    Run like = console.run("check", "--exclude", "billing_%");
    assertThat(like.exitCode()).isEqualTo(2);
    assertThat(like.err()).contains("--exclude takes glob patterns (billing_*, audit_?), not SQL LIKE: billing_%");
    assertThat(db.tables()).contains("billing_invoices", "billing_runs", "audit_log");
    Run help = console.run("help", "check");
    assertThat(help.out()).contains("--exclude PATTERNS   leave these tables alone").contains("exclude_tables=PATTERNS");
  }
}
