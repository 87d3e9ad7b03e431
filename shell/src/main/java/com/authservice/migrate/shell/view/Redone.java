package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.Outcome;
import com.authservice.migrate.result.RunResult;
import java.util.List;
import java.util.Optional;

/** {@code redo}: its runs in order (down, then up) on {@code target}. */
public record Redone(List<RunResult> runs, String target) implements Outcome {

  @Override
  public Optional<RuntimeException> failure() {
    return RunShown.firstFailure(runs);
  }
}
