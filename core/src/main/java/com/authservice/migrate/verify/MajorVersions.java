package com.authservice.migrate.verify;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether verify's scratch server and the target run one major version of PostgreSQL. They may not: the embedded
 * binaries are one version. The report then says so, since a function, a view or a default can read differently on
 * another major version, and a migration can use what only one of them has.
 */
final class MajorVersions {

  private static final Pattern VERSION = Pattern.compile("PostgreSQL (\\d+)(\\.\\d+)?");

  private MajorVersions() {
  }

  /** The note for the report when the two differ; none when they agree or either is unknown. */
  static Optional<String> differenceNote(Optional<String> target, String scratch) {
    Optional<Matcher> onTarget = target.map(VERSION::matcher).filter(Matcher::find);
    Matcher onScratch = VERSION.matcher(scratch);
    if (onTarget.isEmpty() || !onScratch.find() || onTarget.get().group(1).equals(onScratch.group(1))) {
      return Optional.empty();
    }
    return Optional.of("the target runs " + onTarget.get().group() + ", verify ran on " + onScratch.group()
        + ": a function, view or default may read differently there; --scratch-url can name a server of the "
        + "target's major version");
  }
}
