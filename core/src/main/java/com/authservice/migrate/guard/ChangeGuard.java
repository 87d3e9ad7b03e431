package com.authservice.migrate.guard;

import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.StatusReport;
import java.util.List;
import java.util.Optional;

/**
 * The one check every changing operation passes once its plan is known (read under the migration lock, so
 * the plan is what will run): undoing every applied migration, however the target was written ({@code down 99},
 * {@code downgrade -99}, {@code down --to base}), and any change to a protected environment go ahead only when
 * the configured {@link Confirmation} says yes. It lives in core so that no command can forget it.
 */
public final class ChangeGuard {

  private final Optional<String> protectedEnvironment;
  private final Confirmation confirmation;
  private final String target;

  /** @param target how a change names the database when it is not a protected environment */
  public ChangeGuard(Protection protection, String target) {
    this.protectedEnvironment = protection.protectedEnvironment();
    this.confirmation = protection.confirmation();
    this.target = target;
  }

  /** Before {@code plan} runs in {@code direction} on a database whose state is {@code status}. */
  public void beforeRun(Direction direction, List<Migration> plan, StatusReport status) {
    if (plan.isEmpty()) {
      return;
    }
    long applied = status.migrations().stream().filter(m -> m.state().isApplied()).count();
    if (direction == Direction.DOWN && plan.size() >= applied) {
      ask(applied == 1 ? "Undoing the only applied migration" : "Undoing all " + applied + " applied migrations");
    } else if (protectedEnvironment.isPresent()) {
      ask((direction == Direction.UP ? "Applying " : "Undoing ") + plan.size() + " migration"
          + (plan.size() == 1 ? "" : "s"));
    }
  }

  /** Before a change that runs no migration (stamp, repair): only a protected environment needs a yes. */
  public void beforeChange(String action) {
    if (protectedEnvironment.isPresent()) {
      ask(action);
    }
  }

  /**
   * Before {@code action} on every member of the protected fleet {@code fleet}: asked once, before any member
   * runs, and the answer stands for all of them.
   */
  public void beforeFleetChange(String action, String fleet) {
    confirmation.confirm(action + " on every member of the protected fleet " + fleet);
  }

  private void ask(String action) {
    String where = protectedEnvironment.map(name -> "the protected environment " + name)
        .orElse(target);
    confirmation.confirm(action + " on " + where);
  }
}
