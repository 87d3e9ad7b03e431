package com.authservice.migrate.shell.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.link.DeadLink;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MIGRATE_DEAD_LINK_TIMEOUT: a duration, 20 s when unset, a clear usage error otherwise. */
class DeadLinkSettingTest {

  @Test
  void unsetMeansTwentySecondsAndADurationIsTakenAsWritten() {
    assertThat(DeadLinkSetting.from(Map.of()).timeout()).isEqualTo(Duration.ofSeconds(20));
    assertThat(DeadLinkSetting.from(Map.of("MIGRATE_DEAD_LINK_TIMEOUT", "45s")).timeout())
        .isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void aValueThatIsNoDurationOrTooShortIsAUsageErrorNamingTheVariable() {
    assertThatThrownBy(() -> DeadLinkSetting.from(Map.of("MIGRATE_DEAD_LINK_TIMEOUT", "soon")))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("MIGRATE_DEAD_LINK_TIMEOUT");
    assertThatThrownBy(() -> DeadLinkSetting.from(Map.of("MIGRATE_DEAD_LINK_TIMEOUT", "100ms")))
        .isInstanceOf(InvalidArgument.class).hasMessageContaining("MIGRATE_DEAD_LINK_TIMEOUT");
  }

  @Test
  void theServerIsAskedToGiveUpOnASilentClientWithinTheTimeout() {
    assertThat(DeadLink.DEFAULT.serverOptions(true)).isEqualTo("-c tcp_keepalives_idle=10 -c tcp_keepalives_interval=3"
        + " -c tcp_keepalives_count=3 -c client_connection_check_interval=1000");
  }
}
