package com.authservice.migrate.stamp;

import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.result.Migration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The migration after which the scripts build the live schema, and what the live schema still differs in
 * (indexes, constraints). Tables and columns must match exactly; among the migrations that build them,
 * the one whose indexes and constraints differ least wins, and a tie is refused: a migration that changes
 * only rows builds the same schema as the one before it, so nothing in the database tells which ran.
 */
public record SchemaMatch(Migration migration, List<String> differences) {

  public SchemaMatch {
    differences = List.copyOf(differences);
  }

  /** {@code built}: the schema the scripts build after each migration, in id order. */
  static SchemaMatch best(SchemaFingerprint live, Map<Migration, SchemaFingerprint> built) {
    Map<Migration, List<String>> candidates = built.entrySet().stream()
        .filter(entry -> entry.getValue().columns().equals(live.columns()))
        .collect(Collectors.toMap(Map.Entry::getKey, entry -> live.differencesFrom(entry.getValue()),
            (a, b) -> a, LinkedHashMap::new));
    if (candidates.isEmpty()) {
      throw new StateConflict("No migration builds this database's tables and columns exactly; "
          + "check `status` and stamp an explicit id (stamp <id>).");
    }
    int fewest = candidates.values().stream().mapToInt(List::size).min().orElseThrow();
    List<Migration> closest = candidates.entrySet().stream().filter(entry -> entry.getValue().size() == fewest)
        .map(Map.Entry::getKey).toList();
    if (closest.size() > 1) {
      throw new StateConflict("The database's schema fits " + closest.size() + " migrations equally well: "
          + closest.stream().map(m -> m.id() + " (" + m.description() + ")").collect(Collectors.joining(", "))
          + ". Migrations that change only rows leave the schema as it was, so stamp cannot tell which of them "
          + "ran; check the data and stamp the newest one that ran: stamp <id>.");
    }
    return new SchemaMatch(closest.get(0), candidates.get(closest.get(0)));
  }
}
