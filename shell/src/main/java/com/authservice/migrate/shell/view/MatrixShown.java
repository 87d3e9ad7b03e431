package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.Outcome;
import com.authservice.migrate.environment.StatusMatrix;
import java.util.Map;
import java.util.Optional;

/**
 * {@code status --all} (or {@code --env a,b}): the environments side by side; {@code unusable} are environment files
 * that give no connection, with their reason.
 */
public record MatrixShown(StatusMatrix matrix, Map<String, String> unusable, FailOn gate) implements Outcome {

  @Override
  public Optional<RuntimeException> failure() {
    return gate.failure(matrix);
  }
}
