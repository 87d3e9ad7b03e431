package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.Json;
import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.verify.VerifyFailure;
import com.authservice.migrate.verify.VerifyReport;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.node.ObjectNode;

/** The view of {@code verify}: every failure with the script it names and the difference behind it. */
final class VerifyViews {

  private VerifyViews() {
  }

  static List<View<?>> all() {
    return List.of(View.of(Verified.class, (verified, style) -> text(verified.report()),
        verified -> json(verified.report())));
  }

  private static String text(VerifyReport report) {
    StringBuilder text = new StringBuilder();
    String how = report.withData() ? "on sample rows" : "on empty tables (--no-data)";
    String seconds = String.format(Locale.ROOT, "%.1f s", report.elapsed().toMillis() / 1000.0);
    if (report.passed()) {
      text.append("Verified ").append(report.migrations()).append(" migration(s) on a scratch database (")
          .append(report.server()).append(") in ").append(seconds).append(":\n")
          .append("  each applied ").append(how).append(", undone back to the same schema, and applied again;\n")
          .append("  ids unique, strict lint passes")
          .append(report.modelsCompared() ? ", and the schema at head matches the models.\n" : ".\n");
    } else {
      text.append("verify found ").append(report.failures().size()).append(" failure(s) on a scratch database (")
          .append(report.server()).append(") in ").append(seconds).append("; ").append(report.roundTrips())
          .append(" of ").append(report.migrations()).append(" migration(s) made the round trip ").append(how)
          .append(":\n");
      for (VerifyFailure failure : report.failures()) {
        text.append("  ").append(failure.check().label()).append(": ")
            .append(failure.script().map(script -> script + ": ").orElse("")).append(failure.message()).append('\n');
        failure.details().forEach(line -> text.append("      ").append(line).append('\n'));
      }
    }
    report.notes().forEach(note -> text.append("note: ").append(note).append('\n'));
    return text.toString();
  }

  private static ObjectNode json(VerifyReport report) {
    ObjectNode document = Json.object().put("passed", report.passed()).put("server", report.server())
        .put("migrations", report.migrations()).put("roundTrips", report.roundTrips())
        .put("withData", report.withData()).put("modelsCompared", report.modelsCompared())
        .put("elapsedMs", report.elapsed().toMillis());
    document.set("failures", Json.array(report.failures(), failure -> {
      ObjectNode node = Json.object().put("check", failure.check().label())
          .put("script", failure.script().orElse(null)).put("message", failure.message());
      node.set("details", Json.strings(failure.details()));
      return node;
    }));
    document.set("notes", Json.strings(report.notes()));
    return document;
  }
}
