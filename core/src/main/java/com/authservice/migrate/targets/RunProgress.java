package com.authservice.migrate.targets;

/** Lets a caller show a many-target run's progress; called from the workers, one call at a time. */
public interface RunProgress {

  /** {@code total} members will run, {@code parallel} at a time. */
  default void started(int total, int parallel) {
  }

  /** One more member finished; {@code failed} of the {@code done} so far did not end {@code DONE}. */
  default void memberFinished(MemberResult<?> result, int done, int failed, int total) {
  }
}
