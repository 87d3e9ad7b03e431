package com.authservice.migrate.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.mybatis.IdPattern;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.MyBatisOperations;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.ibatis.migration.commands.InitializeCommand;
import org.apache.ibatis.migration.operations.StatusOperation;
import org.apache.ibatis.migration.operations.UpOperation;
import org.apache.ibatis.migration.options.SelectedOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code init}: a new repository as MyBatis' {@code migrate init} makes one, minus anything secret. */
@ExtendWith(PostgresExtension.class)
class RepositoryInitTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-25T09:15:33Z"), ZoneOffset.UTC);

  @TempDir
  Path temp;

  @Test
  void initWritesTheChangelogScriptFirstAnEnvironmentOfReferencesAndNoPassword() throws IOException {
    Path repository = temp.resolve("repo");

    List<Path> written = new RepositoryInit(NOW).create(repository, Optional.empty());

    assertThat(written).extracting(path -> repository.relativize(path).toString().replace('\\', '/')).containsExactly(
        "README", "environments/development.properties", "scripts/bootstrap.sql",
        "scripts/20261125091533_create_changelog.sql", "scripts/20261125091534_first_migration.sql");
    List<Migration> migrations = ScriptFolder.at(repository).migrations();
    assertThat(migrations).extracting(Migration::description).containsExactly("create changelog", "first migration");
    assertThat(ScriptFolder.at(repository).upSql(migrations.get(0))).contains("CREATE TABLE changelog");
    Properties environment = properties(repository.resolve("environments/development.properties"));
    assertThat(environment.getProperty("password")).isEqualTo("${POSTGRES_PASSWORD}");
    assertThat(environment.getProperty("url")).isEqualTo("jdbc:postgresql://${POSTGRES_HOST}:${POSTGRES_PORT}/${POSTGRES_DB}");
    assertThat(environment.getProperty("username")).isEqualTo("${POSTGRES_USER}");
    assertThat(environment.getProperty(IdPattern.SETTING)).isNull();
  }

  @Test
  void initWithAnIdPatternNamesTheScriptsAsMyBatisInitDoesAndKeepsThePattern() throws IOException {
    Path ours = temp.resolve("ours");
    Path theirs = temp.resolve("theirs");

    new RepositoryInit(NOW).create(ours, Optional.of(IdPattern.of("000")));
    SelectedOptions options = new SelectedOptions();
    options.getPaths().setBasePath(theirs.toFile());
    options.setIdPattern("000");
    options.setQuiet(true);
    new InitializeCommand(options).execute();

    assertThat(names(ours.resolve("scripts"))).containsExactlyElementsOf(names(theirs.resolve("scripts")))
        .containsExactly("001_create_changelog.sql", "002_first_migration.sql", "bootstrap.sql");
    assertThat(names(ours.resolve("environments"))).isEqualTo(names(theirs.resolve("environments")));
    assertThat(properties(ours.resolve("environments/development.properties")).getProperty("idpattern"))
        .isEqualTo("000");
  }

  @Test
  void initRefusesAFolderThatHoldsAnythingButHiddenEntries() throws IOException {
    Path repository = Files.createDirectories(temp.resolve("repo"));
    Files.createDirectories(repository.resolve(".git"));
    new RepositoryInit(NOW).create(repository, Optional.empty());
    List<String> before = names(repository.resolve("scripts"));

    assertThatThrownBy(() -> new RepositoryInit(NOW).create(repository, Optional.empty()))
        .isInstanceOf(StateConflict.class).hasMessageContaining("is not empty");
    assertThat(names(repository.resolve("scripts"))).isEqualTo(before);
  }

  @Test
  void aRepositoryFromInitMigratesTheSameWithTheConsoleAndWithMyBatis(TestDatabase console, TestDatabase myBatis) {
    Path repository = temp.resolve("repo");
    new RepositoryInit(Clock.systemUTC()).create(repository, Optional.of(IdPattern.of("000")));

    new Migrations(new MigrationConfig(console.settings(), ScriptFolder.at(repository))).up(Target.head(),
        RunListener.NONE);
    MyBatisOperations.run(myBatis, repository, new UpOperation()::operate);

    assertThat(console.appliedIds()).containsExactly("1", "2").isEqualTo(myBatis.appliedIds());
    assertThat(console.changelogColumns()).isEqualTo(myBatis.changelogColumns());
    assertThat(MyBatisOperations.run(console, repository, new StatusOperation()::operate).getPendingCount()).isZero();
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    }
  }

  private static Properties properties(Path file) throws IOException {
    Properties properties = new Properties();
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
