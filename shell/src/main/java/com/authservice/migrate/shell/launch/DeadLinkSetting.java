package com.authservice.migrate.shell.launch;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.link.DeadLink;
import com.authservice.migrate.tablelock.TableLockWait;
import java.util.Map;

/** {@code MIGRATE_DEAD_LINK_TIMEOUT}: how soon a connection that gets no answer is given up as lost (default 20s). */
public final class DeadLinkSetting {

  private DeadLinkSetting() {
  }

  public static DeadLink from(Map<String, String> environment) {
    String value = environment.get(DeadLink.VARIABLE);
    if (value == null || value.isBlank()) {
      return DeadLink.DEFAULT;
    }
    return new DeadLink(TableLockWait.parseDuration(value).orElseThrow(() -> new InvalidArgument(DeadLink.VARIABLE
        + " takes a duration such as 20s or 1min, not \"" + value + "\"")));
  }
}
