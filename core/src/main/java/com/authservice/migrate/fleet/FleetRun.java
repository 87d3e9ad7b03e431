package com.authservice.migrate.fleet;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.guard.ChangeGuard;
import com.authservice.migrate.guard.Confirmation;
import com.authservice.migrate.run.Cancellation;
import com.authservice.migrate.run.Database;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.targets.Lane;
import com.authservice.migrate.targets.MemberResult.Outcome;
import com.authservice.migrate.targets.MemberResult;
import com.authservice.migrate.targets.Policy;
import com.authservice.migrate.targets.Runs;
import com.authservice.migrate.targets.TargetsRun;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Runs one operation on every member of a fleet, at most {@code parallel} at a time, each member as a run of its
 * own: under its own migration lock (one per changelog table, so members never wait for each other, only for
 * another run on the same member), with its own result. A member that fails or cannot be reached does not stop
 * the others, unless {@code failFast}: then the members not yet started are not run.
 */
public final class FleetRun {

  private final Fleet fleet;
  private final MigrationConfig config;
  private final OptionalInt parallel;
  private final boolean failFast;
  private final boolean confirmedInAdvance;
  private Cancellation cancellation = Cancellation.none();

  /**
   * @param config what every member's run starts from (scripts, lock timeout, --force...); its confirmation
   *     answers the one question a protected fleet asks
   * @param parallel how many members run at once ({@code --parallel}); empty: what the server can spare, bounded
   *     ({@link FleetMembers#defaultParallelism()}). Never more than the server can spare
   * @param confirmedInAdvance {@code --yes}: what a member's own run would ask (undoing all of its migrations) is
   *     answered yes; without it such a member fails, since no one can be asked a thousand times
   */
  public FleetRun(Fleet fleet, MigrationConfig config, OptionalInt parallel, boolean failFast,
      boolean confirmedInAdvance) {
    if (parallel.isPresent() && parallel.getAsInt() < 1) {
      throw new InvalidArgument("--parallel takes how many members run at once, 1 or more, not "
          + parallel.getAsInt());
    }
    this.fleet = fleet;
    this.config = config;
    this.parallel = parallel;
    this.failFast = failFast;
    this.confirmedInAdvance = confirmedInAdvance;
  }

  /**
   * Runs that {@code token} stops (Ctrl-C): every member running then stops as a single run would, and the
   * members not yet started do not start.
   */
  public FleetRun cancellableBy(Cancellation token) {
    this.cancellation = token;
    return this;
  }

  /** An operation that changes nothing (status): no confirmation. */
  public <T> FleetResult<T> read(Function<Migrations, T> operation, FleetListener listener) {
    return each(FleetMembers.of(fleet), operation, listener, Confirmation.REFUSE);
  }

  /**
   * An operation that changes the members; {@code action} says what it does ("Applying pending migrations"). A
   * protected fleet asks once, before any member runs, and the answer stands for every member.
   */
  public <T> FleetResult<T> change(String action, Function<Migrations, T> operation, FleetListener listener) {
    FleetMembers members = FleetMembers.of(fleet);
    if (fleet.isProtected() && !members.names().isEmpty()) {
      config.changeGuard().beforeFleetChange(action, fleet.name() + " (" + members.names().size() + " "
          + fleet.kind().word() + ")");
    }
    return each(members, operation, listener, fleet.isProtected() || confirmedInAdvance ? Confirmation.GIVEN
        : Confirmation.REFUSE);
  }

  private <T> FleetResult<T> each(FleetMembers members, Function<Migrations, T> operation, FleetListener listener,
      Confirmation answer) {
    List<String> names = members.names();
    int atOnce = parallel.isPresent() ? Math.max(1, Math.min(parallel.getAsInt(), members.spareConnections()))
        : members.defaultParallelism();
    Runs<T> runs = new TargetsRun(new Policy.Parallel(atOnce, failFast), "fleet-" + fleet.name())
        .cancellableBy(cancellation)
        .run(names, () -> new MemberLane<>(operation, answer), listener);
    return new FleetResult<>(fleet, runs.members(), runs.atOnce(), runs.elapsed());
  }

  /** One worker's members, on the connection it keeps ({@link MemberConnection}). */
  private final class MemberLane<T> implements Lane<T> {
    private final MemberConnection connection = new MemberConnection(fleet, config.run().deadLink());
    private final Function<Migrations, T> operation;
    private final Confirmation answer;

    MemberLane(Function<Migrations, T> operation, Confirmation answer) {
      this.operation = operation;
      this.answer = answer;
    }

    @Override
    public MemberResult<T> run(String name) {
      long started = System.nanoTime();
      ConnectionSettings settings;
      try {
        settings = fleet.member(name);
      } catch (InvalidArgument e) {
        return MemberResult.not(Outcome.FAILED, name, "the name cannot be used safely in SQL: " + e.getMessage(),
            elapsed(started));
      }
      Database database;
      try {
        database = connection.reach(settings);
      } catch (MigrationException e) {
        return MemberResult.not(Outcome.UNREACHABLE, name, e.getMessage(), elapsed(started));
      }
      try {
        return MemberResult.done(name, operation.apply(new Migrations(memberConfig(settings, answer), database)
            .cancellableBy(cancellation.forOneOfSeveral())),
            elapsed(started));
      } catch (RuntimeException e) {
        return MemberResult.not(Outcome.FAILED, name, e instanceof MigrationException ? e.getMessage()
            : e.toString(), elapsed(started));
      } finally {
        connection.done();
      }
    }

    @Override
    public void close() {
      connection.close();
    }
  }

  private MigrationConfig memberConfig(ConnectionSettings settings, Confirmation answer) {
    MigrationConfig member = config.withConnection(settings).confirmingWith(answer);
    return fleet.isProtected() ? member.protectedAs(fleet.name()) : member;
  }

  private static Duration elapsed(long started) {
    return Duration.ofNanos(System.nanoTime() - started);
  }
}
