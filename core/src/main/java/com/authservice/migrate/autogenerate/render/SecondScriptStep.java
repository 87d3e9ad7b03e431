package com.authservice.migrate.autogenerate.render;

import java.util.ArrayList;
import java.util.List;

/**
 * One step of the no-transaction script: what it runs on the way up, and what undoes it. A step with nothing
 * to run up restores, in the undo, something the first script dropped.
 */
record SecondScriptStep(List<String> up, List<String> undo) {

  static SecondScriptStep restores(List<String> undo) {
    return new SecondScriptStep(List.of(), undo);
  }

  /** The undo of {@code steps}: the last step's first. */
  static List<String> undo(List<SecondScriptStep> steps) {
    List<String> statements = new ArrayList<>();
    for (int i = steps.size() - 1; i >= 0; i--) {
      statements.addAll(steps.get(i).undo());
    }
    return statements;
  }
}
