package com.authservice.migrate.spring;

import com.authservice.migrate.errors.MigrationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start stopped by the migrations shows core's one-line message (which names the migration and the fix) in
 * Boot's "APPLICATION FAILED TO START" report, in place of a stack of bean-creation exceptions.
 */
public final class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
    return new FailureAnalysis("auth-migrate: " + cause.getMessage(),
        "Fix what the message names, or set authmigrate.enabled=false to start without migrating.", cause);
  }
}
