package com.authservice.migrate.run;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.RunListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The changelog table before a run's first migration. MyBatis expects the first script to create it (its
 * {@code init} writes that script); a repository without one would fail at the first changelog row with
 * {@code relation "public.changelog" does not exist}. Then MyBatis' table is created here instead. A
 * repository whose changelog script exists but sorts after another is refused before anything runs: the
 * other script would have no changelog to be recorded in, and a later {@code down} of the changelog script
 * would drop the record of migrations that stay applied.
 */
final class MissingChangelog {

  private MissingChangelog() {
  }

  /** Makes sure {@code firstToApply} can be recorded; {@code scripts} are every script of the repository. */
  static void prepare(Connection connection, Changelog changelog, ScriptFolder scripts, List<Migration> all,
      Migration firstToApply, RunListener listener) {
    if (changelog.existsAsRead(connection) || changelog.isCreatedBy(scripts.upSql(firstToApply))) {
      return;
    }
    Optional<Migration> creator = all.stream().filter(m -> changelog.isCreatedBy(scripts.upSql(m))).findFirst();
    if (creator.isPresent()) {
      throw new StateConflict(creator.get().fileName() + " creates the changelog table, but "
          + firstToApply.fileName() + " sorts before it and would have no changelog to be recorded in. Rename "
          + creator.get().fileName() + " so it sorts first (nothing is applied yet, so ids can still change), "
          + "or delete it and let up create MyBatis' changelog table itself.");
    }
    try {
      changelog.create(connection);
    } catch (SQLException e) {
      throw new DatabaseError("creating the changelog table " + changelog.table(), e);
    }
    listener.changelogCreated(changelog.table());
  }
}
