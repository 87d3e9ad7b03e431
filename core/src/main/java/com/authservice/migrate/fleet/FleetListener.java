package com.authservice.migrate.fleet;

import com.authservice.migrate.targets.RunProgress;

/** Lets a caller show a fleet run's progress; called from the worker threads, one call at a time. */
public interface FleetListener extends RunProgress {

  FleetListener NONE = new FleetListener() {
  };
}
