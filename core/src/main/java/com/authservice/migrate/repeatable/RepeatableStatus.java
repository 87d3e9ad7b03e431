package com.authservice.migrate.repeatable;

import com.authservice.migrate.repeatable.RepeatableState.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Compares the repeatable scripts with what their table recorded. */
public final class RepeatableStatus {

  private RepeatableStatus() {
  }

  /** Each script's state in file name order, then the recorded ones whose file is gone. */
  public static List<RepeatableState> of(List<RepeatableScript> scripts, Map<String, RepeatableLog.Recorded> recorded) {
    List<RepeatableState> states = new ArrayList<>();
    for (RepeatableScript script : scripts) {
      RepeatableLog.Recorded last = recorded.get(script.fileName());
      Status status = last == null ? Status.NEW
          : last.checksum().equals(script.checksum()) ? Status.UP_TO_DATE : Status.CHANGED;
      states.add(new RepeatableState(script.fileName(), script.description(), status,
          Optional.ofNullable(last).map(RepeatableLog.Recorded::appliedAt)));
    }
    recorded.forEach((fileName, last) -> {
      if (scripts.stream().noneMatch(s -> s.fileName().equals(fileName))) {
        states.add(new RepeatableState(fileName, fileName.replaceFirst("^R__", "").replaceFirst("\\.sql$", "")
            .replace('_', ' '), Status.MISSING, Optional.of(last.appliedAt())));
      }
    });
    return states;
  }

  /** The scripts {@code up} applies: new or changed, in file name order. */
  public static List<RepeatableScript> due(List<RepeatableScript> scripts,
      Map<String, RepeatableLog.Recorded> recorded) {
    List<RepeatableState> states = of(scripts, recorded);
    return scripts.stream().filter(s -> states.stream()
        .anyMatch(state -> state.fileName().equals(s.fileName()) && state.status().isDue())).toList();
  }
}
