package com.authservice.migrate;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.errors.UnknownMigration;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.run.IdResolver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Decides which migrations a command runs, in order, from the status and a target. */
final class RunPlanner {

  /** What a command will run, in order, and which way. */
  public record Plan(Direction direction, List<Migration> migrations) {
  }

  private final StatusReport status;
  private final Map<String, Migration> scriptsById;
  private final String scriptsLocation;

  public RunPlanner(StatusReport status, List<Migration> scripts, String scriptsLocation) {
    this.status = status;
    this.scriptsById = scripts.stream().collect(Collectors.toMap(m -> m.id().toString(), Function.identity()));
    this.scriptsLocation = scriptsLocation;
  }

  /** Pending migrations up to the target, oldest first; out-of-order ones are left to {@link #pending()}. */
  public List<Migration> up(Target target) {
    List<Migration> pending = scripts(status.inState(State.PENDING));
    if (target instanceof Target.Steps steps) {
      return pending.subList(0, Math.min(steps.count(), pending.size()));
    }
    if (target instanceof Target.Base) {
      throw new InvalidArgument("up cannot go to base; use down --to base");
    }
    if (target instanceof Target.Id id) {
      MigrationState wanted = resolve(id);
      if (wanted.state() == State.OUT_OF_ORDER) {
        throw new StateConflict("Migration " + wanted.id() + " is older than the newest applied one; "
            + "apply it with `pending` or `version " + wanted.id() + "`.");
      }
      if (wanted.state().isApplied()) {
        if (isCurrent(wanted)) {
          return List.of();
        }
        throw new StateConflict("Migration " + wanted.id() + " is already applied and older than the current one; "
            + "use `down --to " + wanted.id() + "` to go back to it.");
      }
      return pending.stream().filter(m -> m.id().compareTo(wanted.id()) <= 0).toList();
    }
    return pending;
  }

  /** Applied migrations to undo, newest first. The target id itself stays applied, as in Alembic and MyBatis. */
  public List<Migration> down(Target target) {
    List<MigrationState> applied = new ArrayList<>(status.migrations().stream()
        .filter(m -> m.state().isApplied()).toList());
    Collections.reverse(applied);
    List<MigrationState> chosen = applied;
    if (target instanceof Target.Steps steps) {
      chosen = applied.subList(0, Math.min(steps.count(), applied.size()));
    } else if (target instanceof Target.Head) {
      throw new InvalidArgument("down cannot go to head; use up");
    } else if (target instanceof Target.Id id) {
      MigrationState wanted = resolve(id);
      chosen = applied.stream().filter(m -> m.id().compareTo(wanted.id()) > 0).toList();
    }
    return scripts(chosen);
  }

  /**
   * {@code version <id>}: up or down until that migration is the newest applied. An out-of-order one (older than
   * the newest applied, never applied) is applied alone and nothing is undone: MyBatis' {@code version} would
   * undo migrations one by one looking for it as the newest applied, which it never becomes, while Alembic's
   * upgrade to a revision on an unapplied branch applies that branch and undoes nothing. Naming a migration
   * asks for it to be applied, not for newer ones to be thrown away.
   */
  public Plan version(Target.Id id) {
    MigrationState wanted = resolve(id);
    if (wanted.state() == State.OUT_OF_ORDER) {
      return new Plan(Direction.UP, List.of(script(wanted)));
    }
    boolean goesUp = status.current().map(current -> wanted.id().compareTo(current.id()) > 0).orElse(true);
    return goesUp ? new Plan(Direction.UP, up(id)) : new Plan(Direction.DOWN, down(id));
  }

  /** Every unapplied script, out-of-order ones included, oldest first (MyBatis' {@code pending}). */
  public List<Migration> pending() {
    return scripts(status.migrations().stream()
        .filter(m -> m.state() == State.PENDING || m.state() == State.OUT_OF_ORDER).toList());
  }

  /**
   * The unapplied migrations among {@code ids}, oldest first: a database rebuilt to match another's changelog
   * (drift) gets exactly those, out-of-order ones included and pending ones left out.
   */
  public List<Migration> only(Set<MigrationId> ids) {
    return scripts(status.migrations().stream().filter(m -> ids.contains(m.id()))
        .filter(m -> m.state() == State.PENDING || m.state() == State.OUT_OF_ORDER).toList());
  }

  public List<Migration> outOfOrder() {
    return scripts(status.inState(State.OUT_OF_ORDER));
  }

  public MigrationState resolve(Target.Id id) {
    return IdResolver.resolve(id.prefix(), status.migrations(), scriptsLocation);
  }

  private boolean isCurrent(MigrationState state) {
    return status.current().map(current -> current.id().equals(state.id())).orElse(false);
  }

  private List<Migration> scripts(List<MigrationState> states) {
    return states.stream().map(this::script).toList();
  }

  private Migration script(MigrationState state) {
    if (state.state() == State.DELETED) {
      throw new StateConflict("Migration " + state.id() + " (" + state.description() + ") cannot be undone: its "
          + "script was deleted (recorded by repair). Restore the script to undo it, or stop above it with "
          + "`down --to " + state.id() + "`.");
    }
    Migration migration = scriptsById.get(state.id().toString());
    if (migration == null) {
      throw new UnknownMigration(state.id().toString(), scriptsLocation);
    }
    return migration;
  }
}
