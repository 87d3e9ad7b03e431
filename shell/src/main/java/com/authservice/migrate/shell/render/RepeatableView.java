package com.authservice.migrate.shell.render;

import com.authservice.migrate.repeatable.RepeatableState;
import com.authservice.migrate.shell.cli.Style;
import java.util.List;

/** The repeatable scripts ({@code repeatable/R__*.sql}) under {@code status} and {@code history}, if any. */
public final class RepeatableView {

  private RepeatableView() {
  }

  public static String render(List<RepeatableState> repeatables, Style style) {
    if (repeatables.isEmpty()) {
      return "";
    }
    Table table = new Table("Repeatable", "Applied At", "Description", "State");
    for (RepeatableState script : repeatables) {
      table.row(script.fileName(), script.appliedAt().orElse("..."), script.description(), state(script, style));
    }
    StringBuilder text = new StringBuilder("\n").append(table.render(style));
    long due = repeatables.stream().filter(r -> r.status().isDue()).count();
    if (due > 0) {
      text.append(style.yellow(due + " repeatable script(s) new or changed: `up` applies them once it reaches head."))
          .append('\n');
    }
    return text.toString();
  }

  public static String state(RepeatableState script, Style style) {
    String label = "repeatable: " + script.status().label();
    return switch (script.status()) {
      case UP_TO_DATE -> style.green(label);
      case NEW, CHANGED -> style.yellow(label);
      case MISSING -> style.red(label);
    };
  }
}
