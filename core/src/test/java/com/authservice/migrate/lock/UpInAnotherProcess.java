package com.authservice.migrate.lock;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.RunPolicy;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.settings.ConnectionSettings;
import java.nio.file.Path;
import java.time.Duration;

/**
 * {@code up} in a JVM of its own, for tests of concurrent runs and killed runs. Connection from the
 * POSTGRES_* environment; argument: the repository folder. Prints "applied N" or the error.
 */
public final class UpInAnotherProcess {

  private UpInAnotherProcess() {
  }

  public static void main(String[] args) {
    ConnectionSettings settings = ConnectionSettings.fromEnvironment(System.getenv(), Path.of(args[0]));
    MigrationConfig config = new MigrationConfig(settings, ScriptFolder.at(Path.of(args[0])))
        .with(RunPolicy.DEFAULT.waitingForOtherRun(Duration.ofSeconds(60)));
    try {
      RunResult result = new Migrations(config).up(Target.head(), new RunListener() {
        @Override
        public void waitingForLock(String holder) {
          System.out.println("waiting for " + holder);
        }

        @Override
        public void migrationStarting(com.authservice.migrate.result.Migration migration, int done, int total) {
          System.out.println("running " + migration.id());
        }
      });
      System.out.println("applied " + result.migrations().size());
    } catch (MigrationException e) {
      System.out.println("error " + e.getMessage());
      System.exit(1);
    }
  }

  /** Starts it with the connection of {@code settings} in its environment. */
  public static Process start(ConnectionSettings settings, Path repository) throws java.io.IOException {
    ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), UpInAnotherProcess.class.getName(), repository.toString());
    builder.environment().put("POSTGRES_HOST", settings.host());
    builder.environment().put("POSTGRES_PORT", Integer.toString(settings.port()));
    builder.environment().put("POSTGRES_DB", settings.database());
    builder.environment().put("POSTGRES_USER", settings.user());
    builder.environment().put("POSTGRES_PASSWORD", settings.password().reveal());
    builder.redirectErrorStream(true);
    return builder.start();
  }
}
