package com.authservice.migrate.spring;

import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.lint.LintReport;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Applies the pending migrations while the context starts, through the same {@code up} as the console (lock,
 * checks of edited scripts, lint, one transaction per migration). Beans that use the database are made to
 * depend on this one ({@link StartupMigrationDetector}), as on Flyway's initializer. A failure stops the start.
 */
public final class StartupMigration implements InitializingBean {

  private static final Log LOG = LogFactory.getLog(StartupMigration.class);

  private final Migrations migrations;
  private final Target target;
  private RunResult result;

  public StartupMigration(Migrations migrations, Target target) {
    this.migrations = migrations;
    this.target = target;
  }

  @Override
  public void afterPropertiesSet() {
    result = migrations.up(target, new LoggingListener());
    LOG.info("auth-migrate: " + result.migrations().size() + " migration(s) applied to "
        + migrations.config().connection().target() + " in " + result.elapsed().toMillis() + " ms");
  }

  /** What the start-up run did. */
  public RunResult result() {
    return result;
  }

  /** Where the console prints progress, the application logs it; lint findings are warnings unless strict. */
  private static final class LoggingListener implements RunListener {
    @Override
    public void waitingForLock(String holder) {
      LOG.info("auth-migrate: waiting for another run to finish (" + holder + ")");
    }

    @Override
    public void linted(LintReport report) {
      report.findings().forEach(finding -> LOG.warn("auth-migrate lint: " + finding.fileName() + " line "
          + finding.line() + ": " + finding.rule().id() + " (" + finding.subject() + "): "
          + finding.rule().safeWay()));
    }

    @Override
    public void started(Direction direction, int total) {
      if (total > 0) {
        LOG.info("auth-migrate: applying " + total + " migration(s)");
      }
    }

    @Override
    public void migrationFinished(Migration migration, int done, int total) {
      LOG.info("auth-migrate: applied " + migration.fileName() + " (" + done + "/" + total + ")");
    }
  }
}
