package com.authservice.migrate.targets;

import java.time.Duration;
import java.util.Optional;

/** How a {@link TargetsRun} goes through its members. */
public sealed interface Policy {

  /** How many members run at once, given how many there are. */
  int atOnce(int members);

  /** A member that fails stops those not yet started. */
  boolean stopsAtFailure();

  /** Why a member after a failure was not run. */
  String notRun();

  /** How long the whole run may take; members without an answer by then are unreachable. */
  default Optional<Duration> deadline() {
    return Optional.empty();
  }

  /**
   * One after the other in the order given, stopping at the first failure ({@code up --all}, {@code --env a,b}:
   * environments come in promotion order, protected ones last, so staging's failure stops production's run).
   *
   * @param noun what a member is called in the reason of those not run ("environment")
   */
  record InOrder(String noun) implements Policy {

    @Override
    public int atOnce(int members) {
      return 1;
    }

    @Override
    public boolean stopsAtFailure() {
      return true;
    }

    @Override
    public String notRun() {
      return "not run: an earlier " + noun + " failed";
    }
  }

  /**
   * {@code at} members at a time (fleets, the status of every environment); a failure stops the members not yet
   * started only when {@code failFast}.
   */
  record Parallel(int at, boolean failFast, Optional<Duration> deadline) implements Policy {

    public Parallel(int at, boolean failFast) {
      this(at, failFast, Optional.empty());
    }

    @Override
    public int atOnce(int members) {
      return Math.max(1, Math.min(at, members));
    }

    @Override
    public boolean stopsAtFailure() {
      return failFast;
    }

    @Override
    public String notRun() {
      return "not run: an earlier member failed (--fail-fast)";
    }
  }
}
