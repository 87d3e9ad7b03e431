package com.authservice.migrate.targets;

import java.time.Duration;
import java.util.Optional;

/**
 * What one member of a many-target run (an environment, a database or schema of a fleet) gave: the operation's
 * value ({@link Outcome#DONE}), or why the operation failed there, why the member could not be reached, or that
 * it was not run because an earlier member failed.
 */
public record MemberResult<T>(String member, Outcome outcome, Optional<T> value, Optional<String> reason,
    Duration elapsed) {

  /** How a member's run ended. */
  public enum Outcome {
    DONE, FAILED, UNREACHABLE, NOT_RUN;

    /** The member was not migrated as asked: the command exits 1. */
    public boolean isFailure() {
      return this != DONE;
    }
  }

  public static <T> MemberResult<T> done(String member, T value, Duration elapsed) {
    return new MemberResult<>(member, Outcome.DONE, Optional.of(value), Optional.empty(), elapsed);
  }

  public static <T> MemberResult<T> not(Outcome outcome, String member, String reason, Duration elapsed) {
    return new MemberResult<>(member, outcome, Optional.empty(), Optional.of(reason), elapsed);
  }
}
