package com.authservice.migrate.shell.view;

import com.authservice.migrate.drift.DriftReport;
import com.authservice.migrate.shell.cli.Json;
import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.snapshot.ObjectChange;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The views of {@code check --drift}: each object added, changed or dropped by hand, with its SQL. */
final class DriftViews {

  private DriftViews() {
  }

  static List<View<?>> all() {
    return List.of(View.of(DriftFound.class, DriftViews::text, DriftViews::json));
  }

  private static String text(DriftFound found, Style style) {
    DriftReport report = found.report();
    StringBuilder text = new StringBuilder();
    report.warnings().forEach(warning -> text.append("  ! ").append(warning).append('\n'));
    if (!report.hasDrift()) {
      return text.append("No drift: ").append(found.target()).append(" has exactly the schema its ")
          .append(report.applied()).append(" applied migration(s) produce.\n").toString();
    }
    text.append(found.target()).append(" differs from what its ").append(report.applied())
        .append(" applied migration(s) produce in ").append(report.changes().size()).append(" object(s):\n");
    for (ObjectChange change : report.changes()) {
      text.append("  - ").append(switch (change.change()) {
        case ADDED -> "added by hand: " + change.label() + "\n      " + change.after().orElseThrow();
        case REMOVED -> "dropped by hand: " + change.label() + "\n      the migrations make: "
            + change.before().orElseThrow();
        case CHANGED -> "changed by hand: " + change.label() + "\n      the migrations make: "
            + change.before().orElseThrow() + "\n      the database has:    " + change.after().orElseThrow();
      }).append('\n');
    }
    return text.append("Write a migration for what should stay (autogenerate helps when the models have it), "
        + "and undo the rest by hand.\n").toString();
  }

  private static ObjectNode json(DriftFound found) {
    DriftReport report = found.report();
    ObjectNode document = Json.object().put("target", found.target()).put("drift", report.hasDrift())
        .put("applied", report.applied());
    document.set("added", Json.array(report.added(), change -> object(change).put("definition",
        change.after().orElseThrow())));
    document.set("changed", Json.array(report.changed(), change -> object(change)
        .put("migrations", change.before().orElseThrow()).put("database", change.after().orElseThrow())));
    document.set("dropped", Json.array(report.dropped(), change -> object(change).put("definition",
        change.before().orElseThrow())));
    document.set("warnings", Json.strings(report.warnings()));
    return document;
  }

  private static ObjectNode object(ObjectChange change) {
    return Json.object().put("object", change.label()).put("kind", change.kind().word()).put("name", change.name());
  }
}
