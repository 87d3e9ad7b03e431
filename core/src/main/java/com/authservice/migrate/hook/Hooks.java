package com.authservice.migrate.hook;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.Migration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The SQL hooks of one {@code up} or {@code down} run, from the environment file as MyBatis Migrations 3.5.0 reads
 * them, run at MyBatis' points: {@code before} once before the first migration and {@code after} once after the
 * last (neither when nothing is to be done), {@code before_each}/{@code after_each} around each migration. MyBatis
 * commits each hook on its own; here the each-hooks run inside the migration's transaction (before its first
 * statement, after its changelog row), so a failing hook rolls the migration back with it. {@code before} and
 * {@code after} run in transactions of their own.
 */
public final class Hooks {

  public static final Hooks NONE = new Hooks(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  private final Optional<HookScript> before;
  private final Optional<HookScript> beforeEach;
  private final Optional<HookScript> afterEach;
  private final Optional<HookScript> after;

  private Hooks(Optional<HookScript> before, Optional<HookScript> beforeEach, Optional<HookScript> afterEach,
      Optional<HookScript> after) {
    this.before = before;
    this.beforeEach = beforeEach;
    this.afterEach = afterEach;
    this.after = after;
  }

  /**
   * The hooks of {@code direction} in {@code scripts}' environment file. Refuses, before anything runs, a repository
   * with a hook this console does not run (JavaScript, {@code new}/{@code script} hooks) or whose file is missing.
   */
  public static Hooks of(ScriptFolder scripts, Direction direction) {
    String where = scripts.environmentFile();
    for (String key : HookSetting.KEYS) {
      scripts.optionalVariable(key).ifPresent(value -> HookSetting.parse(key, value, where));
    }
    String suffix = "_" + direction.name().toLowerCase(Locale.ROOT);
    return new Hooks(script(scripts, "hook_before" + suffix, where), script(scripts, "hook_before_each" + suffix, where),
        script(scripts, "hook_after_each" + suffix, where), script(scripts, "hook_after" + suffix, where));
  }

  private static Optional<HookScript> script(ScriptFolder scripts, String key, String where) {
    return scripts.optionalVariable(key).map(value -> {
      HookSetting setting = HookSetting.parse(key, value, where);
      String sql = scripts.hookSql(setting.fileName(), setting.variables()).orElseThrow(() -> new InvalidArgument(
          where + ": " + key + " names hooks/" + setting.fileName() + ", which does not exist: create it, or fix "
              + "the setting"));
      return new HookScript(setting, sql);
    });
  }

  /**
   * The comment offline SQL starts with when this run has hooks: MyBatis' {@code script} leaves the up and down hooks
   * out (it runs only its JSR-223 {@code hook_*_script} ones), and so does the console, saying so.
   */
  public String offlineNote() {
    List<String> hooks = Stream.of(before, beforeEach, afterEach, after).flatMap(Optional::stream)
        .map(hook -> hook.setting().shown()).toList();
    return hooks.isEmpty() ? "" : "-- Not included: " + String.join(", ", hooks) + ". MyBatis' script leaves SQL "
        + "hooks out too: run them around this script by hand.\n";
  }

  /** Whether a hook runs inside each migration's transaction (then the migrations cannot be pipelined). */
  public boolean runsEach() {
    return beforeEach.isPresent() || afterEach.isPresent();
  }

  /** {@code hook_before_*}, committed before the first migration starts. */
  public void before(Connection connection) {
    before.ifPresent(hook -> alone(connection, hook, "The hook was rolled back and no migration ran; fix the hook "
        + "and run the command again."));
  }

  /** {@code hook_after_*}, committed after the last migration of the run. */
  public void after(Connection connection) {
    after.ifPresent(hook -> alone(connection, hook, "The hook was rolled back; the migrations of this run stay "
        + "applied, so running the command again will not run it: fix it and run its SQL by hand."));
  }

  /** {@code hook_before_each_*}, in {@code migration}'s transaction, before its first statement. */
  public void beforeEach(Connection connection, Migration migration) {
    beforeEach.ifPresent(hook -> hook.run(connection, withMigration(connection, migration,
        "nothing of " + migration.fileName() + " ran")));
  }

  /** {@code hook_after_each_*}, in {@code migration}'s transaction, after its changelog row. */
  public void afterEach(Connection connection, Migration migration) {
    afterEach.ifPresent(hook -> hook.run(connection, withMigration(connection, migration,
        migration.fileName() + " stays done and recorded")));
  }

  private static String withMigration(Connection connection, Migration migration, String withoutTransaction) {
    if (autoCommit(connection)) {
      // A script marked to run without a transaction: the hook runs without one too.
      return "The migration runs without a transaction: " + withoutTransaction + "; fix the hook and run the "
          + "command again.";
    }
    return "The hook and " + migration.fileName() + " were rolled back; fix the hook and run the command again.";
  }

  private static void alone(Connection connection, HookScript hook, String aftermath) {
    try {
      connection.setAutoCommit(false);
      hook.run(connection, aftermath);
      connection.commit();
    } catch (SQLException e) {
      rollback(connection);
      throw new DatabaseError("committing " + hook.setting().shown(), e);
    } catch (RuntimeException e) {
      rollback(connection);
      throw e;
    }
  }

  private static boolean autoCommit(Connection connection) {
    try {
      return connection.getAutoCommit();
    } catch (SQLException e) {
      throw new DatabaseError("reading the session's transaction mode", e);
    }
  }

  private static void rollback(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // The connection is gone; the server has rolled the transaction back.
    }
  }
}
