package com.authservice.migrate.repeatable;

import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.offline.OfflineScript;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.run.Cancellation;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

/** What the migration API does with repeatable scripts: their status, {@code up}'s last step, offline SQL, new ones. */
public final class Repeatables {

  private final RepeatableFolder folder;
  private final RepeatableLog log;
  private final Cancellation cancellation;
  private final List<RepeatableScript> read;

  public Repeatables(ScriptFolder scripts, String changelogTable, Cancellation cancellation) {
    this(RepeatableFolder.of(scripts), new RepeatableLog(changelogTable), cancellation, null);
  }

  private Repeatables(RepeatableFolder folder, RepeatableLog log, Cancellation cancellation,
      List<RepeatableScript> read) {
    this.folder = folder;
    this.log = log;
    this.cancellation = cancellation;
    this.read = read;
  }

  /** Each script's state against what was recorded, then the recorded ones whose file is gone. */
  public List<RepeatableState> status(Connection connection) {
    return RepeatableStatus.of(all(), log.read(connection));
  }

  /**
   * The scripts read now, for a run going {@code direction}: {@code up} reads (and checks the names of) them before
   * its first migration; {@code down} leaves them alone.
   */
  public Repeatables readFor(Direction direction) {
    return new Repeatables(folder, log, cancellation, direction == Direction.UP ? folder.scripts() : List.of());
  }

  /**
   * Whether a run reached head, so that the repeatable scripts follow (as Flyway runs them after the versioned ones
   * of a migrate): the newest migration was applied before or by the run. A repository without migrations is at head.
   */
  public static boolean reachesHead(List<Migration> migrations, StatusReport before, List<Migration> ran) {
    if (migrations.isEmpty()) {
      return true;
    }
    Migration newest = migrations.get(migrations.size() - 1);
    return ran.contains(newest) || before.migrations().stream()
        .anyMatch(state -> state.id().equals(newest.id()) && state.state().isApplied());
  }

  /** Every script read by {@link #readFor}. */
  public List<RepeatableScript> all() {
    return read == null ? folder.scripts() : read;
  }

  /** The new and changed scripts among those read by {@link #readFor}; asks nothing when there are none. */
  public List<RepeatableScript> due(Connection connection) {
    List<RepeatableScript> scripts = all();
    return scripts.isEmpty() ? List.of() : RepeatableStatus.due(scripts, log.read(connection));
  }

  /** Applies {@code due} in order, each in its own transaction with its record; their file names. */
  public List<String> apply(Connection connection, List<RepeatableScript> due) {
    return due.isEmpty() ? List.of() : new RepeatableRunner(connection, log, cancellation).apply(due);
  }

  /** The script's path in the repository, as messages and lint name it. */
  public static String path(RepeatableScript script) {
    return RepeatableFolder.NAME + "/" + script.fileName();
  }

  /**
   * Every repeatable script as psql would run it, each in its own transaction with its record. Offline SQL cannot
   * know which changed, so it holds them all: running one again is what such a script is written for.
   */
  public String offlineSql() {
    StringBuilder sql = new StringBuilder();
    for (RepeatableScript script : folder.scripts()) {
      sql.append("\n-- ").append(RepeatableFolder.NAME).append('/').append(script.fileName()).append(" (repeatable)\n")
          .append("BEGIN;\n")
          .append(log.createSql()).append(";\n")
          .append(OfflineScript.terminated(script.content()))
          .append(log.recordSql(script)).append(";\n")
          .append("COMMIT;\n");
    }
    return sql.toString();
  }

  public Path write(String description) {
    return folder.write(description);
  }
}
