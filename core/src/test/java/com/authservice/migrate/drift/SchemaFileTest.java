package com.authservice.migrate.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.snapshot.SchemaSnapshot;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code schema.sql}: the schema at head, built on scratch databases of the test server, written and compared. */
@ExtendWith(PostgresExtension.class)
class SchemaFileTest {

  @TempDir
  Path temp;

  private static SchemaSnapshot head(TestScripts scripts, TestDatabase scratch) {
    return new Migrations(new MigrationConfig(scratch.settings(), scripts.folder())).schemaAtHead(scratch.settings());
  }

  @Test
  void theFileIsByteIdenticalAcrossTwoRuns(TestDatabase first, TestDatabase second) throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp.resolve("migrations"));
    SchemaFile file = SchemaFile.of(scripts.folder());

    assertThat(file.write(head(scripts, first))).isTrue();
    byte[] written = Files.readAllBytes(file.path());
    boolean rewritten = file.write(head(scripts, second));

    assertThat(rewritten).isFalse();
    assertThat(Files.readAllBytes(file.path())).isEqualTo(written);
    assertThat(file.path()).isEqualTo(temp.resolve("migrations/schema.sql"));
    String text = Files.readString(file.path());
    assertThat(text).startsWith("-- The schema that the migrations in scripts/ produce at head")
        .contains("ALTER TABLE users ADD COLUMN phone_number character varying(20);")
        .contains("CREATE INDEX ix_items_owner_id ON ").contains(" USING btree (owner_id);")
        .doesNotContain("TABLE changelog").doesNotContain("2025");
  }

  @Test
  void aStaleFileIsDetectedWithItsDifference(TestDatabase first, TestDatabase second) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp.resolve("migrations"));
    SchemaFile file = SchemaFile.of(scripts.folder());
    file.write(head(scripts, first));
    scripts.write("20251101000000_Add_nickname.sql", """
        -- // Add nickname
        ALTER TABLE users ADD COLUMN nickname varchar(40);
        -- //@UNDO
        ALTER TABLE users DROP COLUMN nickname;
        """);

    SchemaSnapshot newHead = head(scripts, second);

    assertThat(file.isCurrent(newHead)).isFalse();
    assertThat(file.differences(newHead))
        .containsExactly("+ ALTER TABLE users ADD COLUMN nickname character varying(40);");
  }

  @Test
  void aMissingFileIsNotCurrent(TestDatabase scratch) {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp.resolve("migrations"));
    SchemaFile file = SchemaFile.of(scripts.folder());
    SchemaSnapshot head = head(scripts, scratch);

    assertThat(file.isCurrent(head)).isFalse();
    assertThat(file.differences(head)).singleElement().asString().endsWith("schema.sql does not exist");
  }

  @Test
  void theSettingIsYesOrNoAndOffByDefault() throws Exception {
    TestScripts scripts = TestScripts.copyOfProjectRepository(temp.resolve("migrations"));
    Path settings = temp.resolve("migrations/environments/development.properties");
    Files.createDirectories(settings.getParent());

    assertThat(SchemaFile.isOn(scripts.folder())).isFalse();
    Files.writeString(settings, "schema_file=true\n");
    assertThat(SchemaFile.isOn(ScriptFolder.at(scripts.repository()))).isTrue();
    assertThat(SchemaFile.isOn(ScriptFolder.at(scripts.repository()).forEnvironment("production"))).isFalse();
    Files.writeString(settings, "schema_file=sometimes\n");
    assertThatThrownBy(() -> SchemaFile.isOn(ScriptFolder.at(scripts.repository())))
        .isInstanceOf(InvalidArgument.class)
        .hasMessage("schema_file takes true/false, yes/no, on/off or 1/0, not \"sometimes\" "
            + "(in the repository's environments/*.properties)");
  }
}
