package com.authservice.migrate.shell.launch;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.settings.YesNo;
import java.util.Map;

/** {@code MIGRATE_LINT_STRICT=true}: lint findings refuse {@code up}, {@code pending}, {@code version} and {@code lint}. */
public final class LintSetting {

  public static final String VARIABLE = "MIGRATE_LINT_STRICT";

  private LintSetting() {
  }

  public static boolean isStrict(Map<String, String> environment) {
    String value = environment.getOrDefault(VARIABLE, "");
    if (value.isBlank()) {
      return false;
    }
    return YesNo.parse(value).orElseThrow(() -> new InvalidArgument(VARIABLE + " takes " + YesNo.ACCEPTED
        + ", not \"" + value + "\""));
  }
}
