package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.shell.render.LintView;
import com.authservice.migrate.shell.render.json.LintJson;
import java.util.List;

/** The view of {@code lint}. */
final class LintViews {

  private LintViews() {
  }

  static List<View<?>> all() {
    return List.of(View.of(Linted.class, (linted, style) -> LintView.render(linted.report(), style),
        linted -> LintJson.report(linted.report(), linted.target())));
  }
}
