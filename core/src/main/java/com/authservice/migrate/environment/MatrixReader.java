package com.authservice.migrate.environment;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.mybatis.ScriptFolder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads the status of several environments at once, on a bounded pool with a timeout each, so one
 * slow or unreachable database shows as such without holding up or failing the others. Each is read with
 * its own environment's script variables (its changelog table may have another name).
 */
public final class MatrixReader {

  private final ScriptFolder scripts;
  private final Duration timeout;
  private final int parallelism;

  public MatrixReader(ScriptFolder scripts, Duration timeout, int parallelism) {
    this.scripts = scripts;
    this.timeout = timeout;
    this.parallelism = Math.max(1, parallelism);
  }

  public StatusMatrix read(List<Environment> environments) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, Math.max(1, environments.size())),
        runnable -> {
          Thread thread = new Thread(runnable, "status-reader");
          thread.setDaemon(true);
          return thread;
        });
    try {
      List<Future<EnvironmentStatus>> reads = new ArrayList<>();
      for (Environment environment : environments) {
        reads.add(pool.submit(() -> EnvironmentStatus.of(environment,
            new Migrations(new MigrationConfig(environment.connection(),
                scripts.forEnvironment(environment.mybatisName()))).status())));
      }
      long deadline = System.nanoTime() + timeout.toNanos();
      List<EnvironmentStatus> columns = new ArrayList<>();
      for (int i = 0; i < environments.size(); i++) {
        columns.add(await(environments.get(i), reads.get(i), deadline));
      }
      return StatusMatrix.of(columns);
    } finally {
      pool.shutdownNow();
    }
  }

  private EnvironmentStatus await(Environment environment, Future<EnvironmentStatus> read, long deadline) {
    try {
      return read.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      read.cancel(true);
      return EnvironmentStatus.unreachable(environment, "no answer within " + timeout.toSeconds() + " s");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      String reason = cause instanceof MigrationException ? cause.getMessage() : String.valueOf(cause);
      return EnvironmentStatus.unreachable(environment, reason);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return EnvironmentStatus.unreachable(environment, "interrupted");
    }
  }
}
