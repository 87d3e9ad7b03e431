package com.authservice.migrate.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.ValidationReport.Problem;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Script files the console cannot run as written are named by validate and refused before up runs anything. */
@ExtendWith(PostgresExtension.class)
class ScriptFilesTest {

  @TempDir
  Path dir;

  private TestScripts scripts;

  private Migrations migrations(TestDatabase db) {
    scripts = TestScripts.copyOfProjectRepository(dir);
    return new Migrations(new MigrationConfig(db.settings(), scripts.folder()));
  }

  @Test
  void aScriptThatIsNotUtf8IsMalformedNamingTheByteOffset(TestDatabase db) throws Exception {
    Migrations migrations = migrations(db);
    Files.write(scripts.scriptsDir().resolve("20251120000000_Latin1.sql"),
        "-- // latin1\nINSERT INTO categories (name) VALUES ('caf\u00e9');\n-- //@UNDO\n"
            .getBytes(StandardCharsets.ISO_8859_1));
    String expected = "Malformed migration script 20251120000000_Latin1.sql: it is not UTF-8: byte offset 55 (line 2) "
        + "holds 0xE9; save the file as UTF-8";

    assertThat(migrations.validate().problems()).extracting(Problem::message).containsExactly(expected);
    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(MalformedScript.class).hasMessage(expected);
    assertThat(db.tables()).isEmpty();
  }

  @Test
  void statusChecksumsEveryAppliedScriptAndOnlyThoseMustBeReadable(TestDatabase db) throws Exception {
    Migrations migrations = migrations(db);
    migrations.up(Target.head(), RunListener.NONE);
    // Status reads the scripts while it reads the changelog; a pending script it cannot decode is no applied one.
    Path latin1 = scripts.scriptsDir().resolve("20991120000000_Latin1.sql");
    Files.write(latin1, "-- // latin1\nSELECT 'caf\u00e9';\n-- //@UNDO\n".getBytes(StandardCharsets.ISO_8859_1));

    assertThat(migrations.status().inState(State.PENDING)).extracting(MigrationState::fileName)
        .containsExactly(Optional.of("20991120000000_Latin1.sql"));

    Files.delete(latin1);
    Path applied = Files.list(scripts.scriptsDir()).filter(p -> p.toString().endsWith(".sql")).sorted().findFirst()
        .orElseThrow();
    Files.write(applied, (Files.readString(applied) + "-- caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(migrations::status).isInstanceOf(MalformedScript.class).hasMessageContaining("it is not UTF-8");

    Files.writeString(applied, Files.readString(applied, StandardCharsets.ISO_8859_1).replace("\n", "\r\n"));
    assertThat(migrations.status().inState(State.MODIFIED)).extracting(MigrationState::fileName)
        .containsExactly(Optional.of(applied.getFileName().toString()));
  }

  @Test
  void anEmptyScriptOrAnEmptyUpPartIsRefusedByValidateAndUp(TestDatabase db) {
    Migrations migrations = migrations(db);
    scripts.write("20251120000000_Empty.sql", "")
        .write("20251120000001_Only_undo.sql", "-- // only undo\n\n-- //@UNDO\nDROP TABLE x;\n");

    assertThat(migrations.validate().problems()).extracting(Problem::message).containsExactly(
        "Malformed migration script 20251120000000_Empty.sql: it is empty; write the change there: a migration "
            + "that runs nothing would still be recorded as applied",
        "Malformed migration script 20251120000001_Only_undo.sql: its up part (before -- //@UNDO) holds no SQL "
            + "statement; write the change there: a migration that runs nothing would still be recorded as applied");
    assertThatThrownBy(() -> migrations.up(Target.head(), RunListener.NONE))
        .isInstanceOf(MalformedScript.class).hasMessageContaining("20251120000000_Empty.sql: it is empty");
    assertThat(db.tables()).isEmpty();
  }

  @Test
  void anIdWithMoreDigitsThanTheChangelogsIdColumnHoldsIsRefusedByValidateAndStatus(TestDatabase db) {
    Migrations migrations = migrations(db);
    scripts.write("202511200000000000001_Too_long.sql", "-- // too long\nCREATE TABLE x (id int);\n-- //@UNDO\n");
    // Leading zeros are no digits of the number the column stores.
    scripts.write("000000000000000000000001_Padded.sql", "-- // padded\nCREATE TABLE y (id int);\n-- //@UNDO\n");

    assertThat(migrations.validate().problems()).extracting(Problem::message).containsExactly(
        "Malformed migration script 202511200000000000001_Too_long.sql: its id has 21 digits, and the changelog's ID "
            + "column (NUMERIC(20,0)) holds at most 20; rename it with a shorter id (new uses 14: yyyyMMddHHmmss).");
    assertThatThrownBy(migrations::status).isInstanceOf(MalformedScript.class).hasMessageContaining("21 digits");
  }

  @Test
  void anUpperCaseSqlExtensionIsNamedNotSilentlyIgnored(TestDatabase db) {
    Migrations migrations = migrations(db);
    scripts.write("20251120000000_Shouting.SQL", "-- // shouting\nCREATE TABLE x (id int);\n-- //@UNDO\n");

    assertThat(migrations.validate().problems()).extracting(Problem::message).containsExactly(
        "Malformed migration script 20251120000000_Shouting.SQL: only names ending in .sql (lower case) are read, "
            + "as MyBatis reads them, so it would be ignored; rename it to end in .sql.");
  }
}
