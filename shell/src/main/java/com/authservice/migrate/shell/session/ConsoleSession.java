package com.authservice.migrate.shell.session;

import com.authservice.migrate.shell.cli.ReplHost;
import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.RunPolicy;
import com.authservice.migrate.definition.Definitions;
import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.environment.Environments;
import com.authservice.migrate.errors.ConfirmationRequired;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.fleet.Fleet;
import com.authservice.migrate.fleet.Fleets;
import com.authservice.migrate.guard.Confirmation;
import com.authservice.migrate.guard.Protection;
import com.authservice.migrate.mybatis.IdPattern;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.run.Cancellation;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.ConnectionUrl;
import com.authservice.migrate.verify.TargetHistory;
import com.authservice.migrate.settings.PostgresVariables;
import com.authservice.migrate.shell.launch.DeadLinkSetting;
import com.authservice.migrate.shell.launch.LaunchContext;
import com.authservice.migrate.shell.launch.LaunchOptions;
import com.authservice.migrate.shell.launch.LintSetting;
import com.authservice.migrate.shell.launch.LockWaitSetting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The state of one console run: which scripts, which environment is targeted (switchable in the REPL
 * with {@code use}), and the embedded database when it is asked for ({@code --embedded},
 * {@code MIGRATE_EMBEDDED=true}) or when the REPL starts with nothing configured. Batch mode never falls back
 * to it: a missing database is an error there. Everything is made on first use, so commands that need no
 * database start none.
 */
public final class ConsoleSession implements AutoCloseable, ReplHost {

  private static final String NOTHING_CONFIGURED = "No database configured: set POSTGRES_HOST, POSTGRES_PORT, "
      + "POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD (or POSTGRES_JDBC_URL, or "
      + "DATABASE_URL=postgresql://user:password@host:port/db) in the environment or .env, "
      + "or pass --embedded for a local PostgreSQL kept in .migrate/";

  private final LaunchOptions options;
  private final LaunchContext launch;
  private final Map<String, ScriptFolder> scriptsByEnvironment = new HashMap<>();
  private ScriptFolder repositoryScripts;
  private PostgresVariables postgres;
  private Definitions<Environment> environments;
  private Definitions<Fleet> fleets;
  private String current;
  private EmbeddedDatabase embedded;
  private ScratchServer scratch;
  private Predicate<String> confirmer;
  private volatile Cancellation cancellation = new Cancellation();

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

  /** The scripts, with the script variables of the targeted environment's file. */
  public ScriptFolder scripts() {
    if (!Environment.DEFAULT.equals(current) && !environments().unusable().containsKey(current)) {
      // A mistyped --env must fail even for offline commands, not quietly use the default variables.
      environments().named(current);
    }
    return scriptsFor(current);
  }

  /** The repository folder on disk, when the scripts are not the packaged copy. */
  public Optional<Path> repositoryDir() {
    if (options.path().isPresent()) {
      return Optional.of(launch.workingDir().resolve(options.path().get()));
    }
    Path checkout = launch.workingDir().resolve("migrations");
    return Files.isDirectory(checkout.resolve("scripts")) ? Optional.of(checkout) : Optional.empty();
  }

  /** Every environment; {@code default} is the embedded database once it runs. Warns once about files. */
  public Definitions<Environment> environments() {
    if (environments == null) {
      environments = Environments.load(repositoryDir().orElse(null), launch.environment(), launch.workingDir());
      environments.warnings().forEach(warning -> launch.err().println("warning: " + warning));
    }
    return embedded == null ? environments : Environments.withDefault(environments, embeddedEnvironment());
  }

  /** The repository's fleets ({@code fleets/<name>.properties}); warns once about files. */
  public Definitions<Fleet> fleets() {
    if (fleets == null) {
      fleets = Fleets.load(repositoryDir().orElse(null), launch.environment(), launch.workingDir());
      fleets.warnings().forEach(warning -> launch.err().println("warning: " + warning));
    }
    return fleets;
  }

  public Environment environment() {
    checkTarget();
    return usesEmbedded(current) ? embeddedEnvironment() : environments().named(current);
  }

  /** The targeted environment's name; naming it starts nothing. */
  public String environmentName() {
    return current;
  }

  public void use(String name) {
    String wanted = name.strip();
    check(wanted);
    current = wanted;
  }

  /** Fails, with what to set, when the targeted environment cannot be used; starts nothing. */
  public void checkTarget() {
    check(current);
  }

  /** {@code auth_service@localhost:5435}, with the environment's name when it is not the default. */
  @Override
  public String target() {
    String target = usesEmbedded(current) && embedded == null ? "embedded" : connection().target();
    return Environment.DEFAULT.equals(current) ? target : current + ":" + target;
  }

  public Migrations migrations() {
    return migrations(false);
  }

  /**
   * What the configured target has applied, for {@code verify}'s out-of-order check. The embedded database is no
   * target: with nothing configured there is nothing to check against, and a target that cannot be read is said so.
   */
  public TargetHistory targetHistory() {
    if (Environment.DEFAULT.equals(current) && postgres().isNone()) {
      return TargetHistory.notConfigured();
    }
    try {
      Migrations migrations = migrations();
      TargetHistory history = TargetHistory.of(target(), migrations.status());
      return migrations.info().server().map(history::runningOn).orElse(history);
    } catch (MigrationException e) {
      return TargetHistory.unreachable(current, e.getMessage());
    }
  }

  /** {@code verify}'s throw-away server: the one {@code scratchUrl} names, else an embedded one of its own. */
  public ScratchServer scratchServer(String scratchUrl) {
    if (scratchUrl == null || scratchUrl.isBlank()) {
      launch.err().println("Starting an embedded PostgreSQL for verify (thrown away afterwards).");
      return ScratchServer.embedded(launch.workingDir());
    }
    ConnectionUrl.parse(scratchUrl.strip(), "--scratch-url");
    return ScratchServer.at(ConnectionSettings.fromVariables(Map.of(ConnectionSettings.DATABASE_URL, scratchUrl.strip())));
  }

  /** The migrations of the current target; {@code yes} answers in advance what the core's guard would ask. */
  public Migrations migrations(boolean yes) {
    return new Migrations(config(yes)).cancellableBy(cancellation);
  }

  /** What stops the runs of the command in progress: {@link #cancelCommand()} or {@link #cancelAll()}. */
  public Cancellation cancellation() {
    return cancellation;
  }

  /** The REPL's Ctrl-C: stops the command in progress; the commands typed after it run as usual. */
  public void cancelCommand() {
    Cancellation running = cancellation;
    cancellation = new Cancellation();
    running.cancel();
  }

  /** A signal to the batch: stops the command in progress and every run after it. */
  public void cancelAll() {
    cancellation.cancel();
  }

  /** The current target's configuration, with whether it is protected and who confirms what needs a yes. */
  public MigrationConfig config(boolean yes) {
    return config(connection(), scripts(), protection(isProtected() ? Optional.of(current) : Optional.empty(), yes));
  }

  /** An environment's configuration, for commands that run across several. */
  public MigrationConfig config(Environment environment, boolean yes) {
    return config(environment.connection(), scriptsFor(environment.name()),
        protection(environment.isProtected() ? Optional.of(environment.name()) : Optional.empty(), yes));
  }

  /**
   * What every member of a fleet starts from: the default environment's script variables, the launch options,
   * and who answers the one question a protected fleet asks.
   */
  public MigrationConfig config(Fleet fleet, boolean yes) {
    return config(fleet.server(), scriptsFor(Environment.DEFAULT), protection(Optional.empty(), yes));
  }

  /** The one place a configuration is built: where to connect and which scripts, the launch options, who confirms. */
  private MigrationConfig config(ConnectionSettings connection, ScriptFolder scripts, Protection protection) {
    return new MigrationConfig(connection, scripts, runPolicy(), protection, options.idPattern().map(IdPattern::of));
  }

  private Protection protection(Optional<String> protectedName, boolean yes) {
    return new Protection(protectedName, confirmation(yes));
  }

  /** {@code --yes} confirms in advance; the REPL asks; batch mode without {@code --yes} refuses. */
  private Confirmation confirmation(boolean yes) {
    if (yes) {
      return Confirmation.GIVEN;
    }
    if (confirmer == null) {
      return Confirmation.REFUSE;
    }
    return change -> {
      if (!confirmer.test(change + ". Continue? [y/N] ")) {
        throw ConfirmationRequired.declined(change);
      }
    };
  }

  /**
   * For commands that never connect ({@code new}, {@code script}): they work with nothing configured, on
   * the defaults ({@code public} schema); a configured target lends its schema, and starts nothing.
   */
  public Migrations offline() {
    boolean nothingConfigured = Environment.DEFAULT.equals(current) && postgres().isNone();
    return new Migrations(config(nothingConfigured ? ConnectionSettings.fromVariables(Map.of()) : connection(),
        scripts(), Protection.NONE));
  }

  public ConnectionSettings connection() {
    return environment().connection();
  }

  /** The schema the current target's migrations run in; with no database configured, the default's. */
  public String targetSchema() {
    boolean nothingConfigured = Environment.DEFAULT.equals(current) && postgres().isNone();
    return (nothingConfigured ? ConnectionSettings.fromVariables(Map.of()) : connection()).schema();
  }

  public boolean isProtected() {
    return !usesEmbedded(current) && environment().isProtected();
  }

  /** The REPL installs a question to ask; without one (batch mode) confirmations need --yes. */
  @Override
  public void confirmWith(Predicate<String> question) {
    this.confirmer = question;
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

  /** What the launch options and variables say about every run: lock waits, time-outs, strictness, --force. */
  private RunPolicy runPolicy() {
    RunPolicy policy = RunPolicy.DEFAULT.forcing(options.force())
        .withStrictLint(LintSetting.isStrict(launch.environment()))
        .withTableLockWait(LockWaitSetting.from(launch.environment(), options.lockWait()))
        .withDeadLink(DeadLinkSetting.from(launch.environment()));
    return options.lockTimeout(launch.environment()).map(policy::waitingForOtherRun).orElse(policy);
  }

  private ScriptFolder scriptsFor(String environment) {
    if (repositoryScripts == null) {
      Optional<Path> dir = repositoryDir();
      repositoryScripts = dir.isPresent() ? ScriptFolder.at(dir.get())
          : ScriptFolder.onClasspath("auth-migrations", ConsoleSession.class.getClassLoader());
    }
    return scriptsByEnvironment.computeIfAbsent(Environment.mybatisName(environment),
        repositoryScripts::forEnvironment);
  }

  private void check(String name) {
    if (!Environment.DEFAULT.equals(name)) {
      environments().named(name);
      return;
    }
    boolean asked = options.embedded(launch.environment());
    if (asked && !postgres().isNone()) {
      throw new InvalidArgument((options.embedded() ? "--embedded" : LaunchOptions.EMBEDDED_VARIABLE + "=true")
          + " asks for the embedded PostgreSQL, but a database is configured (" + String.join(", ", postgres().names())
          + " in the environment or .env): drop one of the two");
    }
    if (!usesEmbedded(name)) {
      if (postgres().isNone()) {
        throw new InvalidArgument(NOTHING_CONFIGURED);
      }
      environments().named(name);
    }
  }

  /** Nothing configured and asked for, or the REPL with nothing configured: never instead of a configured one. */
  private boolean usesEmbedded(String name) {
    return Environment.DEFAULT.equals(name) && postgres().isNone()
        && (options.embedded(launch.environment()) || startsRepl());
  }

  /** The REPL runs when there is no command, no file and a terminal; piped stdin is batch mode. */
  private boolean startsRepl() {
    return options.command().isEmpty() && options.file().isEmpty() && !options.version() && launch.terminal();
  }

  private Environment embeddedEnvironment() {
    if (embedded == null) {
      launch.err().println("Using an embedded PostgreSQL with its data in .migrate/ (kept between runs).");
      embedded = EmbeddedDatabase.start(launch.workingDir());
    }
    return new Environment(Environment.DEFAULT, embedded.settings(), false);
  }

  /**
   * An empty database holding {@code schema} on a throw-away server started on first use and stopped with the
   * session: where the schema that migrations produce is built, apart from every configured database.
   */
  public ConnectionSettings scratchDatabase(String schema) {
    if (scratch == null) {
      scratch = ScratchServer.embedded(launch.workingDir());
    }
    return scratch.emptyDatabase(schema);
  }

  private PostgresVariables postgres() {
    if (postgres == null) {
      postgres = PostgresVariables.read(launch.environment(), launch.workingDir());
    }
    return postgres;
  }

  @Override
  public void close() {
    if (embedded != null) {
      embedded.close();
    }
    if (scratch != null) {
      scratch.close();
    }
  }
}
