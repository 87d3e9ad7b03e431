package com.authservice.migrate.errors;

/** A change that needs a yes ran without one: batch mode without {@code --yes}, or a "no" in the REPL. */
public final class ConfirmationRequired extends MigrationException {

  private ConfirmationRequired(String message) {
    super(message);
  }

  /** No one was asked; {@code change} says what would happen and where. */
  public static ConfirmationRequired needsYes(String change) {
    return new ConfirmationRequired(change + " needs confirmation: pass --yes to run it in batch mode.");
  }

  /** The user answered no. */
  public static ConfirmationRequired declined(String change) {
    return new ConfirmationRequired("Cancelled: nothing changed (" + change + ").");
  }
}
