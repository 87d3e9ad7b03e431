package com.authservice.migrate.run;

import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.AppliedMigration;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Joins the scripts folder with the changelog into a {@link StatusReport}. */
public final class StatusReader {

  private StatusReader() {
  }

  public static StatusReport report(ScriptFolder scripts, List<Migration> migrations, List<AppliedMigration> applied) {
    // Reading and hashing every applied script is most of status' own work: both cores share it.
    return report(migrations, applied, migrations.parallelStream(), scripts::checksum);
  }

  /** The same, from scripts read while the changelog was ({@link ScriptSnapshot}). */
  public static StatusReport report(ScriptSnapshot scripts, List<AppliedMigration> applied) {
    List<Migration> migrations = scripts.migrations();
    return report(migrations, applied, migrations.stream(), scripts::checksum);
  }

  private static StatusReport report(List<Migration> migrations, List<AppliedMigration> applied,
      Stream<Migration> checked, Function<Migration, String> checksum) {
    Map<MigrationId, AppliedMigration> appliedById = byId(applied);
    Set<MigrationId> edited = checked
        .filter(m -> appliedById.containsKey(m.id()) && appliedById.get(m.id()).checksum() != null)
        .filter(m -> !appliedById.get(m.id()).checksum().equals(checksum.apply(m)))
        .map(Migration::id)
        .collect(Collectors.toSet());
    return report(migrations, applied, appliedById, edited);
  }

  private static Map<MigrationId, AppliedMigration> byId(List<AppliedMigration> applied) {
    return applied.stream()
        .collect(Collectors.toMap(AppliedMigration::id, Function.identity(), (first, second) -> first));
  }

  private static StatusReport report(List<Migration> migrations, List<AppliedMigration> applied,
      Map<MigrationId, AppliedMigration> appliedById, Set<MigrationId> edited) {
    Map<MigrationId, Migration> byId = migrations.stream()
        .collect(Collectors.toMap(Migration::id, Function.identity()));
    MigrationId newestApplied = applied.stream().map(AppliedMigration::id).max(MigrationId::compareTo).orElse(null);
    TreeMap<MigrationId, MigrationState> states = new TreeMap<>();
    for (Migration migration : migrations) {
      AppliedMigration row = appliedById.get(migration.id());
      State state;
      if (row != null) {
        state = edited.contains(migration.id()) ? State.MODIFIED : State.APPLIED;
      } else if (newestApplied != null && migration.id().compareTo(newestApplied) < 0) {
        state = State.OUT_OF_ORDER;
      } else {
        state = State.PENDING;
      }
      states.put(migration.id(), new MigrationState(migration.id(), migration.description(),
          Optional.of(migration.fileName()), Optional.ofNullable(row).map(AppliedMigration::appliedAt), state));
    }
    for (AppliedMigration row : applied) {
      if (!byId.containsKey(row.id())) {
        State state = Changelog.DELETED.equals(row.checksum()) ? State.DELETED : State.MISSING;
        states.put(row.id(), new MigrationState(row.id(), row.description(), Optional.empty(),
            Optional.ofNullable(row.appliedAt()), state));
      }
    }
    return new StatusReport(new ArrayList<>(states.values()));
  }
}
