package com.authservice.migrate.shell.render.json;

import com.authservice.migrate.shell.cli.Json;
import com.authservice.migrate.environment.EnvironmentRun;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunResult;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/** What {@code up}, {@code down}, {@code version} and {@code pending} ran, with times in milliseconds. */
public final class RunJson {

  private RunJson() {
  }

  public static ObjectNode run(RunResult result, String target) {
    return Json.object().put("target", target).setAll(fields(result));
  }

  /** {@code up --all}: each environment's run, or why it did not run. */
  public static ObjectNode runs(List<EnvironmentRun> runs) {
    ObjectNode document = Json.object();
    document.set("environments", Json.array(runs, run -> {
      ObjectNode environment = Json.object().put("name", run.environment().name())
          .put("target", run.environment().connection().target()).put("ran", run.ran());
      environment.set("run", run.result().map(RunJson::fields).orElse(null));
      return environment.put("failure", run.failure().orElse(null));
    }));
    return document;
  }

  private static ObjectNode fields(RunResult result) {
    ObjectNode fields = Json.object().put("direction", result.direction().name().toLowerCase(Locale.ROOT));
    fields.set("migrations", Json.array(result.migrations(), migration -> timed(migration, result)));
    fields.set("failed", Json.array(result.failed(), failed -> timed(failed.migration(), result)
        .put("error", failed.error())));
    fields.set("skippedOutOfOrder", Json.array(result.outOfOrder(), RunJson::migration));
    fields.set("repeatables", Json.strings(result.repeatables()));
    return fields.put("elapsedMs", result.elapsed().toMillis());
  }

  private static ObjectNode timed(Migration migration, RunResult result) {
    ObjectNode node = migration(migration);
    result.durationOf(migration).ifPresent(took -> node.put("elapsedMs", took.toMillis()));
    return node;
  }

  private static ObjectNode migration(Migration migration) {
    return Json.object().put("id", migration.id().toString()).put("description", migration.description())
        .put("file", migration.fileName());
  }
}
