package com.authservice.migrate.shell.render.json;

import com.authservice.migrate.repeatable.RepeatableState;
import com.authservice.migrate.shell.cli.Json;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The {@code repeatables} field of {@code status}, {@code history} and runs: repeatable scripts by file name. */
public final class RepeatableJson {

  private RepeatableJson() {
  }

  /** {@code document} with a {@code repeatables} array of each script's file, description, state and time. */
  public static ObjectNode with(ObjectNode document, List<RepeatableState> repeatables) {
    ArrayNode states = Json.array(repeatables, script -> Json.object().put("file", script.fileName())
        .put("description", script.description()).put("state", script.status().label())
        .put("appliedAt", script.appliedAt().map(StatusJson::isoTime).orElse(null)));
    document.set("repeatables", states);
    return document;
  }
}
