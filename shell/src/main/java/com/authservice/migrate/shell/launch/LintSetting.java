package com.authservice.migrate.shell.launch;

import com.authservice.migrate.errors.InvalidArgument;
import java.util.Map;

/** {@code MIGRATE_LINT_STRICT=true}: lint findings refuse {@code up}, {@code pending}, {@code version} and {@code lint}. */
public final class LintSetting {

  public static final String VARIABLE = "MIGRATE_LINT_STRICT";

  private LintSetting() {
  }

  public static boolean isStrict(Map<String, String> environment) {
    String value = environment.getOrDefault(VARIABLE, "").strip();
    if (value.isEmpty() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    throw new InvalidArgument(VARIABLE + " must be true or false, not \"" + value + "\"");
  }
}
