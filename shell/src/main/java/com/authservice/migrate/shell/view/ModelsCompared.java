package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.Outcome;
import com.authservice.migrate.autogenerate.Autogeneration;
import com.authservice.migrate.shell.cli.GateFailed;
import java.util.Optional;

/** {@code check}: the models against {@code target} at head; a difference fails the gate. */
public record ModelsCompared(Autogeneration found, String target) implements Outcome {

  @Override
  public Optional<RuntimeException> failure() {
    return found.isEmpty() ? Optional.empty() : Optional.of(new GateFailed("check: the models and " + target
        + " differ in " + found.changes().size() + " way(s)"));
  }
}
