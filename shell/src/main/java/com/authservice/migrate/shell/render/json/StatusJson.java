package com.authservice.migrate.shell.render.json;

import com.authservice.migrate.shell.cli.Json;
import com.authservice.migrate.result.MigrationDetail;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/** {@code status}, {@code current}, {@code history} and {@code show} as JSON, around one migration object. */
public final class StatusJson {

  /** MyBatis' changelog format for {@code APPLIED_AT}, which has no zone: it becomes an ISO-8601 local time. */
  private static final Pattern MYBATIS_TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

  private StatusJson() {
  }

  /** {@code failOn}: the states {@code --fail-on} named; the field is left out when there are none. */
  public static ObjectNode status(StatusReport status, String target, List<String> failOn) {
    ObjectNode document = Json.object().put("target", target);
    document.set("migrations", Json.array(status.migrations(), StatusJson::migration));
    document.set("current", status.current().map(StatusJson::migration).orElse(null));
    document.set("counts", counts(status));
    document.put("upToDate", status.isUpToDate());
    if (!failOn.isEmpty()) {
      document.set("failOn", Json.strings(failOn));
    }
    return document;
  }

  public static ObjectNode current(StatusReport status, String target) {
    ObjectNode document = Json.object().put("target", target);
    document.set("current", status.current().map(StatusJson::migration).orElse(null));
    document.set("counts", counts(status));
    return document.put("atHead", status.current().isPresent() && status.isUpToDate());
  }

  /** Newest first; {@code verbose} adds each script's first lines. */
  public static ObjectNode history(List<MigrationDetail> history, String target, boolean verbose) {
    ObjectNode document = Json.object().put("target", target);
    document.set("migrations", Json.array(history, detail -> {
      ObjectNode migration = migration(detail.state());
      if (verbose) {
        migration.set("firstLines", Json.strings(detail.firstLines(3)));
      }
      return migration;
    }));
    return document;
  }

  public static ObjectNode show(MigrationDetail detail, String target) {
    ObjectNode document = Json.object().put("target", target);
    document.set("migration", migration(detail.state()));
    return document.put("upSql", detail.upSql()).put("undoSql", detail.undoSql());
  }

  /** One migration: {@code id} a string (ids exceed 2^53), {@code file} and {@code appliedAt} null when unknown. */
  public static ObjectNode migration(MigrationState state) {
    return Json.object().put("id", state.id().toString()).put("description", state.description())
        .put("file", state.fileName().orElse(null)).put("state", state.state().label())
        .put("appliedAt", state.appliedAt().map(StatusJson::isoTime).orElse(null));
  }

  /** How many migrations are in each state, keyed by the state's label, every state present. */
  public static ObjectNode counts(StatusReport status) {
    ObjectNode counts = Json.object();
    for (State state : State.values()) {
      counts.put(state.label(), status.inState(state).size());
    }
    return counts;
  }

  static String isoTime(String appliedAt) {
    return MYBATIS_TIME.matcher(appliedAt).matches() ? appliedAt.replace(' ', 'T') : appliedAt;
  }
}
