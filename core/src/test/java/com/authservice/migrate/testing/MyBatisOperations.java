package com.authservice.migrate.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.ibatis.migration.ConnectionProvider;
import org.apache.ibatis.migration.FileMigrationLoader;
import org.apache.ibatis.migration.JdbcConnectionProvider;
import org.apache.ibatis.migration.MigrationLoader;
import org.apache.ibatis.migration.options.DatabaseOperationOption;

/**
 * Runs MyBatis Migrations' own operations (the code behind the {@code migrate} CLI's commands) on a test
 * database and a repository, with the settings the repository's development environment gives the CLI,
 * so tests can compare what MyBatis does with what the console does.
 */
public final class MyBatisOperations {

  /** One of MyBatis' operations, as its CLI calls them. */
  @FunctionalInterface
  public interface Operation<T> {
    T operate(ConnectionProvider connections, MigrationLoader loader, DatabaseOperationOption options,
        PrintStream log);
  }

  /** What an operation returned and what it printed. */
  public record Outcome<T>(T value, String printed) {
  }

  private MyBatisOperations() {
  }

  public static <T> T run(TestDatabase db, Path repository, Operation<T> operation) {
    return runPrinting(db, repository, operation).value();
  }

  public static <T> Outcome<T> runPrinting(TestDatabase db, Path repository, Operation<T> operation) {
    Properties driver = db.settings().driverProperties();
    JdbcConnectionProvider connections = new JdbcConnectionProvider("org.postgresql.Driver",
        db.settings().jdbcUrl(), driver.getProperty("user"), driver.getProperty("password", ""));
    Properties variables = new Properties();
    variables.setProperty("changelog", "changelog");
    FileMigrationLoader loader = new FileMigrationLoader(repository.resolve("scripts").toFile(), "UTF-8", variables);
    DatabaseOperationOption options = new DatabaseOperationOption();
    options.setChangelogTable("changelog");
    options.setThrowWarning(false);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    T value = operation.operate(connections, loader, options, new PrintStream(printed, true, StandardCharsets.UTF_8));
    return new Outcome<>(value, printed.toString(StandardCharsets.UTF_8));
  }
}
