package com.authservice.migrate.run;

import com.authservice.migrate.errors.AmbiguousMigration;
import com.authservice.migrate.errors.UnknownMigration;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.MigrationState;
import java.util.List;
import java.util.regex.Pattern;

/** Finds the migration an id or a unique id prefix names, among scripts and changelog rows. */
public final class IdResolver {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,20}");

  private IdResolver() {
  }

  public static MigrationState resolve(String prefix, List<MigrationState> migrations, String scriptsLocation) {
    String wanted = prefix.strip();
    // 1 names the migration 001 (the number the changelog stores), as 001 does.
    List<MigrationState> exact = migrations.stream().filter(m -> m.id().toString().equals(wanted)
        || DIGITS.matcher(wanted).matches() && m.id().equals(MigrationId.of(wanted))).toList();
    if (exact.size() == 1) {
      return exact.get(0);
    }
    List<MigrationState> matches = migrations.stream().filter(m -> m.id().toString().startsWith(wanted)).toList();
    if (wanted.isEmpty() || matches.isEmpty()) {
      throw new UnknownMigration(wanted, scriptsLocation);
    }
    if (matches.size() > 1) {
      throw new AmbiguousMigration(wanted,
          matches.stream().map(MigrationState::id).map(MigrationId::toString).toList());
    }
    return matches.get(0);
  }
}
