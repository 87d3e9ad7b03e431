package com.authservice.migrate.fleet;

import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.targets.MemberResult.Outcome;
import com.authservice.migrate.targets.MemberResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code status --fleet}: for every migration, on how many members it is applied; then the members that are
 * behind (a migration waits there), those whose changelog could not be read, and those that could not be reached.
 *
 * @param members how many members the fleet has
 */
public record FleetStatus(Fleet fleet, int members, List<Row> rows, List<Behind> behind, List<Problem> failed,
    List<Problem> unreachable) {

  /** A migration and on how many members it is applied; {@code modifiedOn}: of those, where its script was edited since. */
  public record Row(MigrationId id, String description, int appliedOn, int modifiedOn) {
  }

  /** A member with {@code waiting} migrations not applied ({@code up} applies them, {@code pending} the older). */
  public record Behind(String member, int waiting) {
  }

  public record Problem(String member, String reason) {
  }

  public FleetStatus {
    rows = List.copyOf(rows);
    behind = List.copyOf(behind);
    failed = List.copyOf(failed);
    unreachable = List.copyOf(unreachable);
  }

  public static FleetStatus of(FleetResult<StatusReport> result) {
    Map<MigrationId, String> descriptions = new TreeMap<>();
    Map<MigrationId, int[]> counts = new TreeMap<>();
    List<Behind> behind = new ArrayList<>();
    for (MemberResult<StatusReport> member : result.in(Outcome.DONE)) {
      StatusReport report = member.value().orElseThrow();
      for (MigrationState migration : report.migrations()) {
        descriptions.putIfAbsent(migration.id(), migration.description());
        int[] count = counts.computeIfAbsent(migration.id(), id -> new int[2]);
        count[0] += migration.state().isApplied() ? 1 : 0;
        count[1] += migration.state() == State.MODIFIED ? 1 : 0;
      }
      int waiting = report.inState(State.PENDING).size() + report.inState(State.OUT_OF_ORDER).size();
      if (waiting > 0) {
        behind.add(new Behind(member.member(), waiting));
      }
    }
    List<Row> rows = new ArrayList<>();
    descriptions.forEach((id, description) -> rows.add(new Row(id, description, counts.get(id)[0],
        counts.get(id)[1])));
    return new FleetStatus(result.fleet(), result.members().size(), rows, behind, problems(result, Outcome.FAILED),
        problems(result, Outcome.UNREACHABLE));
  }

  /** Every member was read and none is behind. */
  public boolean isUpToDate() {
    return behind.isEmpty() && failed.isEmpty() && unreachable.isEmpty();
  }

  private static List<Problem> problems(FleetResult<StatusReport> result, Outcome outcome) {
    return result.in(outcome).stream().map(m -> new Problem(m.member(), m.reason().orElse(""))).toList();
  }
}
