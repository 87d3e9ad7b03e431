package com.authservice.migrate.guard;

import java.util.Optional;

/**
 * Who must say yes before a change: the {@link ChangeGuard}'s part of a configuration.
 *
 * @param protectedEnvironment the name of the environment when it is protected: every change to it needs a yes
 * @param confirmation who says yes to what the {@link ChangeGuard} stops
 */
public record Protection(Optional<String> protectedEnvironment, Confirmation confirmation) {

  /** Not protected, and no one to ask: what needs a yes is refused. */
  public static final Protection NONE = new Protection(Optional.empty(), Confirmation.REFUSE);

  public Protection protectedAs(String name) {
    return new Protection(Optional.of(name), confirmation);
  }

  public Protection confirmingWith(Confirmation answer) {
    return new Protection(protectedEnvironment, answer);
  }
}
