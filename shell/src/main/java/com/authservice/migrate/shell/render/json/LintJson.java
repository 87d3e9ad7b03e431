package com.authservice.migrate.shell.render.json;

import com.authservice.migrate.shell.cli.Json;
import com.authservice.migrate.lint.Finding;
import com.authservice.migrate.lint.LintReport;
import tools.jackson.databind.node.ObjectNode;

/** What {@code lint} found, as JSON: each finding with its rule, what PostgreSQL will do and the safe way. */
public final class LintJson {

  private LintJson() {
  }

  public static ObjectNode report(LintReport report, String target) {
    ObjectNode document = Json.object().put("target", target).put("scripts", report.scripts());
    document.set("findings", Json.array(report.findings(), LintJson::finding));
    document.set("allowed", Json.array(report.allowed(), LintJson::finding));
    document.set("notes", Json.array(report.notes(), note -> Json.object()
        .put("file", note.fileName()).put("line", note.line()).put("text", note.text())));
    return document;
  }

  private static ObjectNode finding(Finding finding) {
    return Json.object().put("file", finding.fileName()).put("line", finding.line())
        .put("rule", finding.rule().id()).put("subject", finding.subject())
        .put("effect", finding.rule().effect()).put("safeWay", finding.rule().safeWay())
        .put("statement", finding.statement());
  }
}
