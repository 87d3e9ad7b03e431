package com.authservice.migrate.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.repository.RepositoryInit;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.apache.ibatis.migration.commands.NewCommand;
import org.apache.ibatis.migration.options.SelectedOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code --idpattern}: sequential ids (001, 002, ...) for new scripts, shown and targeted as written. */
@ExtendWith(PostgresExtension.class)
class IdPatternTest {

  @TempDir
  Path temp;

  private Path initialised(String name, Optional<IdPattern> pattern) {
    Path repository = temp.resolve(name);
    new RepositoryInit(Clock.systemUTC()).create(repository, pattern);
    return repository;
  }

  private static Migrations console(TestDatabase db, Path repository, Optional<IdPattern> option) {
    return new Migrations(new MigrationConfig(db.settings(), ScriptFolder.at(repository)).withIdPattern(option));
  }

  @Test
  void newTakesTheNumberAfterTheHighestIdAsMyBatisNewDoes(TestDatabase db) throws IOException {
    Path ours = initialised("ours", Optional.of(IdPattern.of("000")));
    Path theirs = initialised("theirs", Optional.of(IdPattern.of("000")));

    Path written = console(db, ours, Optional.of(IdPattern.of("000"))).newMigration("create blog table");
    SelectedOptions options = new SelectedOptions();
    options.getPaths().setBasePath(theirs.toFile());
    options.setIdPattern("000");
    options.setQuiet(true);
    new NewCommand(options).execute("create blog table");

    assertThat(written.getFileName().toString()).isEqualTo("003_create_blog_table.sql");
    assertThat(Files.exists(theirs.resolve("scripts/003_create_blog_table.sql"))).isTrue();
  }

  @Test
  void theRepositorysSettingNumbersNewScriptsWithoutTheOption(TestDatabase db) {
    Path repository = initialised("repo", Optional.of(IdPattern.of("0000")));

    Path written = console(db, repository, Optional.empty()).newMigration("create users");

    assertThat(written.getFileName().toString()).isEqualTo("0003_create_users.sql");
  }

  @Test
  void statusShowsIdsAsWrittenAndTargetsNameThemWithOrWithoutZeros(TestDatabase db) {
    Path repository = initialised("repo", Optional.of(IdPattern.of("000")));
    Migrations migrations = console(db, repository, Optional.empty());
    migrations.newMigration("create users");

    migrations.up(Target.parse("002"), RunListener.NONE);

    assertThat(migrations.status().migrations()).extracting(MigrationState::id).extracting(Object::toString)
        .containsExactly("001", "002", "003");
    assertThat(db.appliedIds()).containsExactly("1", "2");
    migrations.version("1", RunListener.NONE);
    assertThat(db.appliedIds()).containsExactly("1");
  }

  @Test
  void aPatternThatWouldPutOtherCharactersIntoFileNamesIsRefused() {
    assertThatThrownBy(() -> IdPattern.of("#,##0")).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("such as 000");
  }
}
