package com.authservice.migrate.fleet;

/** Lets a caller show a fleet run's progress; called from the worker threads, one call at a time. */
public interface FleetListener {

  FleetListener NONE = new FleetListener() {
  };

  /** {@code total} members will run, {@code parallel} at a time. */
  default void started(int total, int parallel) {
  }

  /** One more member finished; {@code failed} of the {@code done} so far did not end {@code DONE}. */
  default void memberFinished(MemberResult<?> result, int done, int failed, int total) {
  }
}
