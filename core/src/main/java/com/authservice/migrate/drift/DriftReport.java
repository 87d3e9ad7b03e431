package com.authservice.migrate.drift;

import com.authservice.migrate.snapshot.ObjectChange;
import java.util.List;

/**
 * What was done to a database by hand: each object whose schema differs from what its applied migrations
 * produce. {@link ObjectChange.Change#ADDED} is on the database only, {@link ObjectChange.Change#REMOVED} was
 * made by a migration and is gone, {@link ObjectChange.Change#CHANGED} has another definition.
 *
 * @param applied how many migrations the database's changelog records, all of which were rebuilt
 * @param warnings why the comparison may mislead (an applied script edited since, another server version)
 */
public record DriftReport(int applied, List<ObjectChange> changes, List<String> warnings) {

  public DriftReport {
    changes = List.copyOf(changes);
    warnings = List.copyOf(warnings);
  }

  public boolean hasDrift() {
    return !changes.isEmpty();
  }

  public List<ObjectChange> added() {
    return only(ObjectChange.Change.ADDED);
  }

  public List<ObjectChange> dropped() {
    return only(ObjectChange.Change.REMOVED);
  }

  public List<ObjectChange> changed() {
    return only(ObjectChange.Change.CHANGED);
  }

  private List<ObjectChange> only(ObjectChange.Change kind) {
    return changes.stream().filter(change -> change.change() == kind).toList();
  }
}
