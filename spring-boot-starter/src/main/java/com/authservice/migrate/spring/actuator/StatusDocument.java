package com.authservice.migrate.spring.actuator;

import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The status report in the fields of the console's {@code status --output json} ({@code target},
 * {@code migrations}, {@code current}, {@code counts}, {@code upToDate}), for the actuator to serialize.
 */
public record StatusDocument(String target, List<MigrationEntry> migrations, MigrationEntry current,
    Map<String, Integer> counts, boolean upToDate) {

  /** One migration: {@code id} a string (ids exceed 2^53), {@code file} and {@code appliedAt} null when unknown. */
  public record MigrationEntry(String id, String description, String file, String state, String appliedAt) {

    static MigrationEntry of(MigrationState state) {
      return new MigrationEntry(state.id().toString(), state.description(), state.fileName().orElse(null),
          state.state().label(), state.appliedAt().map(MigrationEntry::isoTime).orElse(null));
    }

    /** MyBatis' {@code APPLIED_AT} has no zone: as in the console, it becomes an ISO-8601 local time. */
    private static String isoTime(String appliedAt) {
      return MYBATIS_TIME.matcher(appliedAt).matches() ? appliedAt.replace(' ', 'T') : appliedAt;
    }
  }

  private static final Pattern MYBATIS_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

  public static StatusDocument of(StatusReport status, String target) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (State state : State.values()) {
      counts.put(state.label(), status.inState(state).size());
    }
    return new StatusDocument(target, status.migrations().stream().map(MigrationEntry::of).toList(),
        status.current().map(MigrationEntry::of).orElse(null), counts, status.isUpToDate());
  }
}
