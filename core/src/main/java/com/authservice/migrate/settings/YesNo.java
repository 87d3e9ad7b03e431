package com.authservice.migrate.settings;

import java.util.Locale;
import java.util.Optional;

/**
 * A yes-or-no setting as people write it: true/false, yes/no, on/off, 1/0, any case. Anything else is
 * no answer at all, so that a typo in {@code protected=} is an error and never a silent "no".
 */
public final class YesNo {

  /** For messages: what {@link #parse} accepts. */
  public static final String ACCEPTED = "true/false, yes/no, on/off or 1/0";

  private YesNo() {
  }

  public static Optional<Boolean> parse(String value) {
    return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> Optional.of(true);
      case "false", "no", "off", "0" -> Optional.of(false);
      default -> Optional.empty();
    };
  }
}
