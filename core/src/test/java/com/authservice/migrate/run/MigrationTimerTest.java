package com.authservice.migrate.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.result.RunListener;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MigrationTimerTest {

  /** RunListener's methods are defaults: one the timer does not override never reaches the caller's listener. */
  @Test
  void theTimerPassesOnEveryEventOfARun() {
    for (Method event : RunListener.class.getMethods()) {
      assertThat(Arrays.stream(MigrationTimer.class.getDeclaredMethods())
          .anyMatch(own -> own.getName().equals(event.getName())
              && Arrays.equals(own.getParameterTypes(), event.getParameterTypes())))
          .as("MigrationTimer passes on " + event.getName()).isTrue();
    }
  }
}
