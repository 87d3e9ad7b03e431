package com.authservice.migrate;

import com.authservice.migrate.guard.ChangeGuard;
import com.authservice.migrate.guard.Confirmation;
import com.authservice.migrate.guard.Protection;
import com.authservice.migrate.mybatis.IdPattern;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.settings.ConnectionSettings;
import java.util.Optional;

/**
 * Everything a {@link Migrations} needs, by concern, built in one place by the caller (the console's session,
 * from its launch options): where to connect and which scripts, how to run ({@link RunPolicy}), who confirms
 * ({@link Protection}), and how new scripts are named.
 *
 * @param idPattern MyBatis' {@code --idpattern} for new scripts; without it, the repository's setting
 */
public record MigrationConfig(ConnectionSettings connection, ScriptFolder scripts, RunPolicy run,
    Protection protection, Optional<IdPattern> idPattern) {

  /** The defaults: waits 60 s for another run, refuses what needs a yes. */
  public MigrationConfig(ConnectionSettings connection, ScriptFolder scripts) {
    this(connection, scripts, RunPolicy.DEFAULT, Protection.NONE, Optional.empty());
  }

  /** The check every change to this target passes: protected environment, confirmation, where. */
  public ChangeGuard changeGuard() {
    return new ChangeGuard(protection, connection.target());
  }

  /** The same settings for another database or schema (a member of a fleet). */
  public MigrationConfig withConnection(ConnectionSettings other) {
    return new MigrationConfig(other, scripts, run, protection, idPattern);
  }

  public MigrationConfig with(RunPolicy policy) {
    return new MigrationConfig(connection, scripts, policy, protection, idPattern);
  }

  public MigrationConfig with(Protection guard) {
    return new MigrationConfig(connection, scripts, run, guard, idPattern);
  }

  public MigrationConfig withIdPattern(Optional<IdPattern> pattern) {
    return new MigrationConfig(connection, scripts, run, protection, pattern);
  }

  /** A command's own flag over the launch options: {@code --ignore-modified}. */
  public MigrationConfig ignoringModified(boolean ignore) {
    return with(run.ignoringModified(ignore));
  }

  /** A command's own flag over the launch options: {@code --strict}. */
  public MigrationConfig withStrictLint(boolean strict) {
    return with(run.withStrictLint(strict));
  }

  /** The target is the protected environment {@code name}. */
  public MigrationConfig protectedAs(String name) {
    return with(protection.protectedAs(name));
  }

  public MigrationConfig confirmingWith(Confirmation answer) {
    return with(protection.confirmingWith(answer));
  }
}
