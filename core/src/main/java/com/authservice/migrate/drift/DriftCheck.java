package com.authservice.migrate.drift;

import com.authservice.migrate.autogenerate.ExcludedTables;
import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.run.Database;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.snapshot.SchemaSnapshot;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Drift (Flyway's paid {@code check -drift}, Atlas' {@code schema diff}): the target's schema against the schema its
 * applied migrations produce, rebuilt on a scratch database from exactly the migrations its changelog records.
 * The target is only read, in a read-only transaction, so not even a mistake here could write to it.
 */
public final class DriftCheck {

  private final ScriptFolder scripts;
  private final String changelogName;
  private final ExcludedTables excluded;

  /** {@code excluded}: tables of other services, left out on both sides as {@code check} leaves them out. */
  public DriftCheck(ScriptFolder scripts, String changelogName, ExcludedTables excluded) {
    this.scripts = scripts;
    this.changelogName = changelogName;
    this.excluded = excluded;
  }

  /** {@code status}: the target's, as read a moment ago; {@code scratch}: builds on an empty database. */
  public DriftReport compare(StatusReport status, Database target, ConnectionSettings targetSettings,
      ScratchBuild scratch) {
    List<MigrationState> applied = status.migrations().stream().filter(m -> m.state().isApplied()).toList();
    refuseWithoutScripts(applied, targetSettings);
    Set<MigrationId> ids = applied.stream().map(MigrationState::id).collect(Collectors.toSet());
    SchemaSnapshot expected = leaveOut(scratch.of(ids));
    SchemaSnapshot actual = leaveOut(readOnly(target, targetSettings));
    List<String> warnings = new ArrayList<>();
    status.inState(State.MODIFIED).forEach(m -> warnings.add(m.fileName().orElseThrow() + " was edited after it "
        + "was applied: the rebuild ran the edited script, so a difference may come from the edit"));
    return new DriftReport(applied.size(), expected.differenceTo(actual).changes(), warnings);
  }

  /** An applied migration whose script is gone cannot be rebuilt: comparing without it would report false drift. */
  private void refuseWithoutScripts(List<MigrationState> applied, ConnectionSettings target) {
    List<String> missing = applied.stream()
        .filter(m -> m.state() == State.MISSING || m.state() == State.DELETED)
        .map(m -> m.id() + " (" + m.description() + ")").toList();
    if (!missing.isEmpty()) {
      throw new StateConflict("Cannot rebuild the schema of " + target.target() + ": its changelog records "
          + String.join(", ", missing) + " but " + scripts.location() + " has no script for "
          + (missing.size() == 1 ? "it" : "them") + ". Restore the script(s) from version control, then run it again.");
    }
  }

  private SchemaSnapshot readOnly(Database target, ConnectionSettings settings) {
    try (Connection connection = target.open()) {
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      try {
        return SchemaSnapshot.read(connection, settings.schema(), changelogName);
      } finally {
        connection.rollback();
      }
    } catch (SQLException e) {
      throw new DatabaseError("reading the schema of " + settings.target(), e);
    }
  }

  private SchemaSnapshot leaveOut(SchemaSnapshot snapshot) {
    return SchemaSnapshot.of(snapshot.objects().stream()
        .filter(object -> ObjectTable.of(object).map(table -> !excluded.excludes(table)).orElse(true))
        .toList());
  }
}
