package com.authservice.migrate.shell.render;

import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.lint.Finding;
import com.authservice.migrate.lint.LintReport;
import com.authservice.migrate.lint.Note;

/** Lint's findings as text: where, which rule, what PostgreSQL will do and the safe way, one block each. */
public final class LintView {

  private LintView() {
  }

  /** The whole report, for {@code lint}. */
  public static String render(LintReport report, Style style) {
    StringBuilder text = new StringBuilder(details(report, style));
    text.append(report.hasFindings()
        ? style.yellow(report.findings().size() + " problem(s) in " + report.scripts() + " script(s).")
        : report.unchecked() > 0 ? style.yellow("No problems in " + report.scripts() + " script(s), but "
            + report.unchecked() + " statement(s) could not be parsed and were not checked.")
        : style.green("No problems in " + report.scripts() + " script(s)."));
    return text.append('\n').toString();
  }

  /** What {@code up}, {@code pending} and {@code version} print before running; empty when there is nothing. */
  public static String warnings(LintReport report, Style style) {
    if (!report.hasFindings() && report.notes().isEmpty()) {
      return "";
    }
    return style.yellow("Warning: lint found " + report.findings().size() + " problem(s) in the scripts to run")
        + " (`lint` explains; -- migrate:allow <rule-id> accepts one)\n" + details(report, style);
  }

  private static String details(LintReport report, Style style) {
    StringBuilder text = new StringBuilder();
    for (Finding finding : report.findings()) {
      text.append(style.bold(finding.fileName() + ":" + finding.line() + "  " + finding.rule().id() + "  "
          + finding.subject())).append('\n')
          .append("  PostgreSQL: ").append(finding.rule().effect()).append('\n')
          .append("  Safe way:   ").append(finding.rule().safeWay()).append('\n');
    }
    for (Note note : report.notes()) {
      text.append(style.dim(note.fileName() + ":" + note.line() + "  " + note.text())).append('\n');
    }
    for (Finding allowed : report.allowed()) {
      text.append(style.dim(allowed.fileName() + ":" + allowed.line() + "  " + allowed.rule().id() + "  "
          + allowed.subject() + " (accepted with migrate:allow)")).append('\n');
    }
    return text.toString();
  }
}
