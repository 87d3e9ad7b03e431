package com.authservice.migrate.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.authservice.migrate.errors.MigrationException;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A repository whose migration fails fails the test class with the one-line message, and no test runs. */
class MigratedPostgresFailureTest {

  @Test
  void aFailingMigrationFailsTheClassWithItsMessage() {
    EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(BrokenRepository.class)).execute();

    assertThat(results.testEvents().started().count()).isZero();
    Event failed = results.containerEvents().failed().stream().findFirst().orElseThrow();
    Throwable cause = failed.getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow()
        .getThrowable().orElseThrow();
    assertThat(cause).isInstanceOf(MigrationException.class);
    assertThat(cause.getMessage()).startsWith("20251103000000_add_broken_column.sql line 4:");
  }

  /** Run only through the test kit above (Surefire skips nested classes); the scripts are the starter's. */
  @MigratedPostgres(location = "file:../spring-boot-starter/src/test/resources/db/failing")
  static class BrokenRepository {
    @Test
    void neverRuns() {
      throw new AssertionError("the class should have failed before its first test");
    }
  }
}
