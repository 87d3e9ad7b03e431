package com.authservice.migrate.guard;

import com.authservice.migrate.errors.ConfirmationRequired;

/**
 * Whoever may say yes to a change the {@link ChangeGuard} stops: returns to let it go ahead, throws
 * {@link ConfirmationRequired} to stop it. Batch mode refuses unless {@code --yes} was given; the REPL asks.
 */
@FunctionalInterface
public interface Confirmation {

  /** No one to ask: the default, so that a caller who forgets to decide gets the safe answer. */
  Confirmation REFUSE = change -> {
    throw ConfirmationRequired.needsYes(change);
  };

  /** Confirmed in advance ({@code --yes}). */
  Confirmation GIVEN = change -> {
  };

  /** {@code change} says what would happen and where, e.g. "Undoing all 3 applied migrations on db@host:5432". */
  void confirm(String change);
}
