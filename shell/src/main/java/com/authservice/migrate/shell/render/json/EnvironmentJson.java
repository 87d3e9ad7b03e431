package com.authservice.migrate.shell.render.json;

import com.authservice.migrate.shell.cli.Json;
import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.environment.EnvironmentStatus;
import com.authservice.migrate.environment.StatusMatrix;
import com.authservice.migrate.result.State;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code env} and {@code status --all} as JSON: targets and users, never a password. */
public final class EnvironmentJson {

  private EnvironmentJson() {
  }

  public static ObjectNode list(List<Environment> environments, String current, Map<String, String> unusable) {
    ObjectNode document = Json.object().put("current", current);
    document.set("environments", Json.array(environments, environment -> Json.object()
        .put("name", environment.name()).put("target", environment.connection().target())
        .put("user", environment.connection().user()).put("protected", environment.isProtected())
        .put("current", environment.name().equals(current))));
    document.set("unusable", unusable(unusable));
    return document;
  }

  /** Each environment's summary, each migration's state per environment (null: unknown there), and the verdict. */
  public static ObjectNode matrix(StatusMatrix matrix, Map<String, String> unusable, List<String> failOn) {
    ObjectNode document = Json.object();
    document.set("environments", Json.array(matrix.summaries(), summary -> {
      EnvironmentStatus column = summary.column();
      ObjectNode environment = Json.object().put("name", column.environment().name())
          .put("target", column.environment().connection().target())
          .put("protected", column.environment().isProtected())
          .put("reachable", column.report().isPresent()).put("problem", column.unreachable().orElse(null));
      environment.set("counts", column.report().map(StatusJson::counts).orElse(null));
      return environment.put("behind", summary.behind()).put("behindOf", summary.reference().orElse(null));
    }));
    document.set("migrations", Json.array(matrix.rows(), row -> {
      ObjectNode states = Json.object();
      matrix.columns().forEach(column -> states.put(column.environment().name(),
          column.stateOf(row.id()).map(State::label).orElse(null)));
      ObjectNode migration = Json.object().put("id", row.id().toString()).put("description", row.description());
      migration.set("states", states);
      return migration;
    }));
    document.set("unusable", unusable(unusable));
    document.put("inSync", matrix.inSync() && unusable.isEmpty());
    if (!failOn.isEmpty()) {
      document.set("failOn", Json.strings(failOn));
    }
    return document;
  }

  private static ArrayNode unusable(Map<String, String> unusable) {
    return Json.array(unusable.entrySet(), entry -> Json.object().put("name", entry.getKey())
        .put("reason", entry.getValue()));
  }
}
