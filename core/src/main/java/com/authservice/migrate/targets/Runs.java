package com.authservice.migrate.targets;

import com.authservice.migrate.targets.MemberResult.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Every member's result in the members' order, how many ran at once, and how long the whole run took. */
public record Runs<T>(List<MemberResult<T>> members, int atOnce, Duration elapsed) {

  public Runs {
    members = List.copyOf(members);
  }

  /** The members that did not end {@code DONE}: failed, unreachable or not run. */
  public List<MemberResult<T>> failures() {
    return members.stream().filter(member -> member.outcome().isFailure()).toList();
  }

  /** The first member that failed or could not be reached (not one merely left unrun after it). */
  public Optional<MemberResult<T>> firstFailure() {
    return members.stream().filter(m -> m.outcome() == Outcome.FAILED || m.outcome() == Outcome.UNREACHABLE)
        .findFirst();
  }
}
