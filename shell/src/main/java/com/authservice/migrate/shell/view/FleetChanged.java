package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.Outcome;
import com.authservice.migrate.errors.FleetFailed;
import com.authservice.migrate.fleet.FleetResult;
import com.authservice.migrate.targets.MemberResult;
import com.authservice.migrate.shell.render.FleetView;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * up, down, version or stamp on every member of a fleet. {@code label} names what a member's result did
 * ("applied", "stamped"), {@code migrations} how many migrations it moved. Any member not migrated fails it.
 */
public record FleetChanged<T>(FleetResult<T> result, Function<T, String> label, ToIntFunction<T> migrations)
    implements Outcome {

  @Override
  public Optional<RuntimeException> failure() {
    if (result.failures().isEmpty()) {
      return Optional.empty();
    }
    String members = FleetView.count(result.members().size()) + " " + result.fleet().kind().word()
        + " of the fleet " + result.fleet().name();
    boolean noneDone = result.failures().size() == result.members().size();
    return Optional.of(new FleetFailed((noneDone ? "None of the " + members + " was migrated (" + counts() + ")"
        : FleetView.count(result.failures().size()) + " of " + members + " were not migrated (" + counts()
            + "); the others are done")
        + ". Fix those and run the command again: it continues where it stopped."));
  }

  private String counts() {
    StringBuilder text = new StringBuilder();
    for (MemberResult.Outcome outcome : new MemberResult.Outcome[] {MemberResult.Outcome.FAILED,
        MemberResult.Outcome.UNREACHABLE, MemberResult.Outcome.NOT_RUN}) {
      int members = result.in(outcome).size();
      if (members > 0) {
        text.append(text.isEmpty() ? "" : ", ").append(FleetView.count(members)).append(' ')
            .append(FleetView.outcome(outcome));
      }
    }
    return text.toString();
  }
}
