package com.authservice.migrate.shell.session;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.environment.Environments;
import com.authservice.migrate.errors.ConfirmationRequired;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.mybatis.IdPattern;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.shell.launch.LaunchContext;
import com.authservice.migrate.shell.launch.LaunchOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The state of one console run: which scripts, which environment is targeted (switchable in the REPL
 * with {@code use}), and the embedded database when nothing is configured. Everything is made on first
 * use, so commands that need no database start none.
 */
public final class ConsoleSession implements AutoCloseable {

  private final LaunchOptions options;
  private final LaunchContext launch;
  private ScriptFolder scripts;
  private Environments environments;
  private String current;
  private EmbeddedDatabase embedded;
  private Predicate<String> confirmer;

  public ConsoleSession(LaunchOptions options, LaunchContext launch) {
    this.options = options;
    this.launch = launch;
    this.current = options.environments().size() == 1 ? options.environments().get(0) : Environment.DEFAULT;
  }

  public LaunchOptions options() {
    return options;
  }

  public LaunchContext launch() {
    return launch;
  }

  public ScriptFolder scripts() {
    if (scripts == null) {
      scripts = locateScripts();
    }
    return scripts;
  }

  /** The repository folder on disk, when the scripts are not the packaged copy. */
  public Optional<Path> repositoryDir() {
    if (options.path().isPresent()) {
      return Optional.of(launch.workingDir().resolve(options.path().get()));
    }
    Path checkout = launch.workingDir().resolve("migrations");
    return Files.isDirectory(checkout.resolve("scripts")) ? Optional.of(checkout) : Optional.empty();
  }

  public Environments environments() {
    if (environments == null) {
      environments = Environments.load(repositoryDir().orElse(null), launch.environment(), launch.workingDir());
    }
    return environments;
  }

  public Environment environment() {
    return environments().named(current);
  }

  public void use(String name) {
    environments().named(name);
    current = name;
  }

  /** {@code auth_service@localhost:5435}, with the environment's name when it is not the default. */
  public String target() {
    String target = isEmbedded() && embedded == null ? "embedded" : connection().target();
    return Environment.DEFAULT.equals(current) ? target : current + ":" + target;
  }

  public Migrations migrations() {
    return new Migrations(config(connection()));
  }

  public MigrationConfig config(ConnectionSettings connection) {
    MigrationConfig config = new MigrationConfig(connection, scripts()).forcing(options.force())
        .withIdPattern(options.idPattern().map(IdPattern::of));
    return options.lockTimeout().map(config::withLockTimeout).orElse(config);
  }

  public ConnectionSettings connection() {
    if (isEmbedded()) {
      if (embedded == null) {
        launch.err().println("No database configured (POSTGRES_HOST, POSTGRES_JDBC_URL or .env): "
            + "using an embedded PostgreSQL with its data in .migrate/ (kept between runs).");
        embedded = EmbeddedDatabase.start(launch.workingDir());
      }
      return embedded.settings();
    }
    return environment().connection();
  }

  /** Asks before changing a protected environment; in batch mode only {@code --yes} confirms. */
  public void confirmChange(String what, boolean yes) {
    if (yes) {
      return;
    }
    if (confirmer == null) {
      throw new ConfirmationRequired(what);
    }
    if (!confirmer.test(what + " Continue? [y/N] ")) {
      throw new InvalidArgument("Cancelled: " + what);
    }
  }

  public boolean isProtected() {
    return !isEmbedded() && environment().isProtected();
  }

  /** The REPL installs a question to ask; without one (batch mode) confirmations need --yes. */
  public void confirmWith(Predicate<String> question) {
    this.confirmer = question;
  }

  public boolean isInteractive() {
    return confirmer != null;
  }

  /**
   * The environments a command runs across, side by side: every one with {@code --all}, else those
   * {@code --env a,b} named when there are several. Empty when the command targets one database.
   */
  public List<Environment> severalEnvironments(boolean all) {
    if (all) {
      return environments().all();
    }
    return options.environments().size() > 1 ? environments().named(options.environments()) : List.of();
  }

  private boolean isEmbedded() {
    return Environment.DEFAULT.equals(current)
        && !ConnectionSettings.isConfigured(launch.environment(), launch.workingDir());
  }

  private ScriptFolder locateScripts() {
    Optional<Path> dir = repositoryDir();
    if (dir.isPresent()) {
      return ScriptFolder.at(dir.get());
    }
    return ScriptFolder.onClasspath("auth-migrations", ConsoleSession.class.getClassLoader());
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
  }
}
