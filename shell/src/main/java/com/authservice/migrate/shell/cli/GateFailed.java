package com.authservice.migrate.shell.cli;

/**
 * A gate said no ({@code check} found differences, {@code validate} problems, {@code status --fail-on} a state):
 * the command worked and its output says why; exit code 1 so that a pipeline stops.
 */
public final class GateFailed extends RuntimeException {
  public GateFailed(String message) {
    super(message, null, false, false);
  }
}
