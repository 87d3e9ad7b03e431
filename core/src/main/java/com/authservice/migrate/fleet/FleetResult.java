package com.authservice.migrate.fleet;

import com.authservice.migrate.targets.MemberResult.Outcome;
import com.authservice.migrate.targets.MemberResult;
import java.time.Duration;
import java.util.List;

/** A command's result on every member of a fleet, in the members' order, and how the run went. */
public record FleetResult<T>(Fleet fleet, List<MemberResult<T>> members, int parallel, Duration elapsed) {

  public FleetResult {
    members = List.copyOf(members);
  }

  public List<MemberResult<T>> in(Outcome outcome) {
    return members.stream().filter(member -> member.outcome() == outcome).toList();
  }

  /** The members that were not migrated as asked: failed, unreachable or not run. */
  public List<MemberResult<T>> failures() {
    return members.stream().filter(member -> member.outcome().isFailure()).toList();
  }
}
