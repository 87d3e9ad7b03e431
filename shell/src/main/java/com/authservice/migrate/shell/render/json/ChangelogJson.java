package com.authservice.migrate.shell.render.json;

import com.authservice.migrate.shell.cli.Json;
import com.authservice.migrate.autogenerate.Autogeneration;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.RepairResult;
import com.authservice.migrate.result.StampResult;
import com.authservice.migrate.result.ValidationReport;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** What {@code stamp}, {@code repair}, {@code validate} and {@code check} found or recorded, as JSON. */
public final class ChangelogJson {

  private ChangelogJson() {
  }

  public static ObjectNode stamp(StampResult result, String target) {
    ObjectNode document = Json.object().put("target", target)
        .put("current", result.current().map(MigrationId::toString).orElse(null));
    document.set("marked", Json.strings(result.marked()));
    document.set("unmarked", Json.strings(result.unmarked()));
    document.put("alembicRevision", result.alembicRevision().orElse(null))
        .put("alembicTableDropped", result.alembicTableDropped());
    document.set("differences", Json.strings(result.differences()));
    return document;
  }

  public static ObjectNode repair(RepairResult result, String target) {
    ObjectNode document = Json.object().put("target", target);
    document.set("repaired", Json.strings(result.accepted()));
    document.set("deleted", Json.strings(result.deleted()));
    return document;
  }

  public static ObjectNode validate(ValidationReport report, String target) {
    ObjectNode document = Json.object().put("target", target).put("valid", report.isValid())
        .put("scripts", report.scripts());
    document.set("problems", Json.array(report.problems(), problem -> Json.object()
        .put("kind", problem.kind().label()).put("id", problem.id().map(MigrationId::toString).orElse(null))
        .put("file", problem.fileName().orElse(null)).put("message", problem.message())));
    return document;
  }

  /** {@code check}: the models against the database at head. */
  public static ObjectNode check(Autogeneration found, String target) {
    ObjectNode document = Json.object().put("target", target).put("inSync", found.isEmpty());
    document.set("differences", Json.strings(found.summary()));
    document.set("warnings", Json.strings(found.warnings()));
    return document;
  }
}
