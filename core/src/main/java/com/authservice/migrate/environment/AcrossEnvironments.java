package com.authservice.migrate.environment;

import com.authservice.migrate.MigrationConfig;
import com.authservice.migrate.Migrations;
import com.authservice.migrate.Target;
import com.authservice.migrate.errors.CannotConnect;
import com.authservice.migrate.guard.Confirmation;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.run.Cancellation;
import com.authservice.migrate.targets.Lane;
import com.authservice.migrate.targets.MemberResult.Outcome;
import com.authservice.migrate.targets.MemberResult;
import com.authservice.migrate.targets.Policy;
import com.authservice.migrate.targets.RunProgress;
import com.authservice.migrate.targets.Runs;
import com.authservice.migrate.targets.TargetsRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Commands on several environments at once, on the {@link TargetsRun} engine: {@code up} one environment after
 * the other, stopping at the first failure; {@code status} of all of them side by side, several at a time, each
 * bounded in time so that one slow or unreachable database shows as such without holding up the others.
 */
public final class AcrossEnvironments {

  /** How many environments' status is read at once: as many as a fleet runs at most. */
  static final int STATUS_AT_ONCE = 8;
  static final Duration STATUS_DEADLINE = Duration.ofSeconds(10);

  private final Function<Environment, MigrationConfig> config;
  private final Duration statusDeadline;
  private Cancellation cancellation = Cancellation.none();

  /**
   * @param config one environment's configuration: its connection and script variables, the launch options, and
   *     whether it is protected and who confirms
   */
  public AcrossEnvironments(Function<Environment, MigrationConfig> config) {
    this(config, STATUS_DEADLINE);
  }

  public AcrossEnvironments(Function<Environment, MigrationConfig> config, Duration statusDeadline) {
    this.config = config;
    this.statusDeadline = statusDeadline;
  }

  /**
   * Runs that {@code token} stops (Ctrl-C): the environment running then stops as a single run would, and the
   * environments after it do not start.
   */
  public AcrossEnvironments cancellableBy(Cancellation token) {
    this.cancellation = token;
    return this;
  }

  /**
   * Applies pending migrations up to {@code target} in each of {@code environments}, in the order given. Every
   * protected environment is confirmed before the first one runs: a refusal leaves all of them as they were.
   */
  public EnvironmentRuns up(List<Environment> environments, Target target,
      Function<Environment, RunListener> listener) {
    Map<String, MigrationConfig> configs = configs(environments);
    for (Environment environment : environments) {
      configs.get(environment.name()).changeGuard().beforeChange("Applying pending migrations");
    }
    Map<String, Environment> byName = byName(environments);
    Runs<RunResult> runs = new TargetsRun(new Policy.InOrder("environment"), "environments-up")
        .cancellableBy(cancellation).run(
        names(environments), () -> lane(byName, configs, (environment, migrations) -> migrations.up(target,
            listener.apply(environment)), result -> !result.failed().isEmpty(), Confirmation.GIVEN), new RunProgress() {
        });
    List<EnvironmentRun> result = new ArrayList<>();
    runs.members().forEach(member -> result.add(EnvironmentRun.of(byName.get(member.member()), member)));
    return new EnvironmentRuns(result);
  }

  /** {@code status --all}: every environment's status, or why it could not be read. */
  public StatusMatrix status(List<Environment> environments) {
    Map<String, Environment> byName = byName(environments);
    Map<String, MigrationConfig> configs = configs(environments);
    Runs<StatusReport> runs = new TargetsRun(new Policy.Parallel(STATUS_AT_ONCE, false,
        Optional.of(statusDeadline)), "status-reader").run(names(environments),
        () -> lane(byName, configs, (environment, migrations) -> migrations.status(), report -> false,
            Confirmation.REFUSE), new RunProgress() {
        });
    List<EnvironmentStatus> columns = new ArrayList<>();
    for (MemberResult<StatusReport> member : runs.members()) {
      Environment environment = byName.get(member.member());
      columns.add(member.value().map(report -> EnvironmentStatus.of(environment, report))
          .orElseGet(() -> EnvironmentStatus.unreachable(environment, member.reason().orElse(""))));
    }
    return StatusMatrix.of(columns);
  }

  /**
   * Each environment a run of its own, as its own configuration says, {@code answer} confirming; a value that
   * {@code fails} (migrations that failed under --force) fails the environment, and stops those after it in order.
   */
  private <T> Lane<T> lane(Map<String, Environment> byName, Map<String, MigrationConfig> configs,
      BiFunction<Environment, Migrations, T> operation,
      Predicate<T> fails, Confirmation answer) {
    return name -> {
      long started = System.nanoTime();
      Environment environment = byName.get(name);
      try {
        T value = operation.apply(environment, new Migrations(configs.get(name).confirmingWith(answer))
            .cancellableBy(cancellation.forOneOfSeveral()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        return fails.test(value) ? new MemberResult<>(name, Outcome.FAILED, Optional.of(value), Optional.empty(),
            elapsed) : MemberResult.done(name, value, elapsed);
      } catch (CannotConnect e) {
        return MemberResult.not(Outcome.UNREACHABLE, name, e.getMessage(), Duration.ofNanos(System.nanoTime()
            - started));
      }
    };
  }

  private static List<String> names(List<Environment> environments) {
    return environments.stream().map(Environment::name).toList();
  }

  /** Built here, in the caller's thread, before any worker starts: the caller's config need not be thread-safe. */
  private Map<String, MigrationConfig> configs(List<Environment> environments) {
    Map<String, MigrationConfig> configs = new LinkedHashMap<>();
    environments.forEach(environment -> configs.put(environment.name(), config.apply(environment)));
    return configs;
  }

  private static Map<String, Environment> byName(List<Environment> environments) {
    Map<String, Environment> byName = new LinkedHashMap<>();
    environments.forEach(environment -> byName.put(environment.name(), environment));
    return byName;
  }
}
