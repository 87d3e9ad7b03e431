package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.CommandsListed;
import com.authservice.migrate.shell.cli.HelpShown;
import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.shell.cli.ViewGroup;
import com.authservice.migrate.shell.cli.Views;
import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.info.VersionInfo;
import com.authservice.migrate.result.Direction;
import com.authservice.migrate.result.FailedMigration;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.result.MigrationState;
import com.authservice.migrate.result.RepairResult;
import com.authservice.migrate.result.RunResult;
import com.authservice.migrate.result.StampResult;
import com.authservice.migrate.result.State;
import com.authservice.migrate.result.StatusReport;
import com.authservice.migrate.result.ValidationReport;
import com.authservice.migrate.shell.commands.EnvironmentCommands;
import com.authservice.migrate.shell.cli.HelpCommand;
import com.authservice.migrate.shell.commands.LintCommands;
import com.authservice.migrate.shell.commands.ModelCommands;
import com.authservice.migrate.shell.commands.MyBatisCommands;
import com.authservice.migrate.shell.commands.RunCommands;
import com.authservice.migrate.shell.commands.ScriptCommands;
import com.authservice.migrate.shell.commands.SessionCommands;
import com.authservice.migrate.shell.commands.SourceCommand;
import com.authservice.migrate.shell.commands.StatusCommands;
import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.shell.cli.GateFailed;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.shell.core.command.annotation.Command;
import tools.jackson.databind.node.ObjectNode;

/** Text and JSON come from the same result, through one view per result type; no database. */
class ViewsTest {

  private static final Views VIEWS = ConsoleViews.registry();
  private static final Style PLAIN = new Style(false);
  private static final MigrationId FIRST = MigrationId.of("20251001000100");
  private static final Migration USERS = new Migration(FIRST, "create users", "20251001000100_create_users.sql");

  /** What the commands may return besides a result: nothing (exit, source), or one of several results. */
  private static final Set<Class<?>> NOT_A_RESULT = Set.of(void.class, Object.class);

  @Test
  void everyResultTypeACommandReturnsHasOneViewWithBothRenderings() {
    List<Method> commands = List.of(StatusCommands.class, RunCommands.class, ScriptCommands.class,
        ModelCommands.class, EnvironmentCommands.class, SourceCommand.class, HelpCommand.class,
        MyBatisCommands.class, LintCommands.class, SessionCommands.class).stream()
        .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
        .filter(method -> method.isAnnotationPresent(Command.class)).toList();

    assertThat(commands).hasSizeGreaterThan(25);
    for (Method command : commands) {
      Class<?> result = command.getReturnType();
      assertThat(NOT_A_RESULT.contains(result) || VIEWS.types().contains(result))
          .as(command.getName() + " returns " + result.getSimpleName() + ", which has no view").isTrue();
    }
  }

  @Test
  void aRunIsRenderedAsTextAndAsJsonFromTheSameResult() {
    RunResult run = new RunResult(Direction.UP, List.of(USERS), List.of(), List.of(), Duration.ofMillis(1500),
        Map.of(FIRST, Duration.ofMillis(40)));
    RunShown shown = new RunShown(run, "auth@localhost:5432/auth");

    assertThat(text(shown)).contains("Applied 1 migration(s)", "auth@localhost:5432/auth", "1.50 s");
    ObjectNode json = json(shown);
    assertThat(json.get("target").asString()).isEqualTo("auth@localhost:5432/auth");
    assertThat(json.get("direction").asString()).isEqualTo("up");
    assertThat(json.get("migrations").get(0).get("id").asString()).isEqualTo("20251001000100");
    assertThat(json.get("elapsedMs").asLong()).isEqualTo(1500);
    assertThat(shown.failure()).isEmpty();
  }

  @Test
  void aForcedRunPastAFailureIsShownThenFails() {
    RunResult run = new RunResult(Direction.UP, List.of(), List.of(), List.of(new FailedMigration(USERS, "boom")),
        Duration.ZERO, Map.of());
    RunShown shown = new RunShown(run, "db");

    assertThat(text(shown)).contains("1 migration(s) failed and were rolled back");
    assertThat(json(shown).get("failed").get(0).get("error").asString()).isEqualTo("boom");
    assertThat(shown.failure()).get().extracting(Throwable::getMessage).asString().contains(USERS.fileName());
  }

  @Test
  void statusAndItsGateComeFromOneReport() {
    StatusReport report = new StatusReport(List.of(new MigrationState(FIRST, "create users",
        Optional.of(USERS.fileName()), Optional.empty(), State.PENDING)));
    StatusShown shown = new StatusShown(report, "db", FailOn.parse("pending"));

    assertThat(text(shown)).contains("20251001000100", "pending", "db: 0 applied, 1 pending");
    ObjectNode json = json(shown);
    assertThat(json.get("counts").get("pending").asInt()).isEqualTo(1);
    assertThat(json.get("failOn").get(0).asString()).isEqualTo("pending");
    assertThat(shown.failure()).get().isInstanceOf(GateFailed.class);
    assertThat(new StatusShown(report, "db", FailOn.parse(null)).failure()).isEmpty();
  }

  @Test
  void validateShowsItsProblemsThenFailsTheGate() {
    Validated validated = new Validated(new ValidationReport(3, List.of(new ValidationReport.Problem(
        ValidationReport.Kind.MISSING, Optional.of(FIRST), Optional.empty(), "no script"))), "db");

    assertThat(text(validated)).contains("1 problem(s)", "missing: no script");
    assertThat(json(validated).get("valid").asBoolean()).isFalse();
    assertThat(json(validated).get("problems").get(0).get("kind").asString()).isEqualTo("missing");
    assertThat(validated.failure()).get().isInstanceOf(GateFailed.class);
  }

  @Test
  void commandsThatOnlyHadTextHaveDocumentsOfTheirOwn() {
    VersionsShown info = new VersionsShown("1.2.3", new VersionInfo("MyBatis Migrations 3.5.0", "pgjdbc 42.7.14",
        "17", "Linux", Optional.of("PostgreSQL 18.1"), Optional.empty()), "db");
    assertThat(text(info)).contains("auth-migrate 1.2.3", "Server: PostgreSQL 18.1 (db)");
    assertThat(json(info).get("server").asString()).isEqualTo("PostgreSQL 18.1");
    assertThat(json(info).get("console").asString()).isEqualTo("1.2.3");

    Path repository = Path.of("/work/migrations");
    RepositoryCreated init = new RepositoryCreated(repository, List.of(repository.resolve("scripts/bootstrap.sql")),
        false);
    assertThat(text(init)).contains("Created a migrations repository in /work/migrations", "scripts/bootstrap.sql");
    assertThat(json(init).get("files").get(0).asString()).isEqualTo("scripts/bootstrap.sql");

    assertThat(text(new Bootstrapped("db", 4))).contains("4 statement(s)");
    assertThat(json(new Bootstrapped("db", 4)).get("statements").asInt()).isEqualTo(4);
    assertThat(json(new SqlScript("SELECT 1;\n")).get("sql").asString()).isEqualTo("SELECT 1;\n");
    assertThat(text(new SqlScript("SELECT 1;\n"))).isEqualTo("SELECT 1;\n");
    FileWritten created = new FileWritten(Path.of("scripts/x.sql"), FileWritten.Kind.MIGRATION);
    assertThat(text(created)).contains("Created scripts/x.sql");
    assertThat(json(created).get("kind").asString()).isEqualTo("migration");
    assertThat(json(new EnvironmentUsed("staging", "db", true)).get("protected").asBoolean()).isTrue();
    assertThat(text(new EnvironmentUsed("staging", "db", true))).contains("Now targeting db (protected");
    assertThat(json(new ConsoleVersion("1.2.3", "Java 17")).get("version").asString()).isEqualTo("1.2.3");
    assertThat(text(new ScreenCleared())).startsWith("\u001B[H");
    assertThat(json(new ScreenCleared()).isEmpty()).isTrue();

    Redone redo = new Redone(List.of(new RunResult(Direction.DOWN, List.of(USERS), List.of(), List.of(),
        Duration.ZERO, Map.of()), new RunResult(Direction.UP, List.of(USERS), List.of(), List.of(), Duration.ZERO,
        Map.of())), "db");
    assertThat(text(redo)).contains("Undid 1 migration(s)", "Applied 1 migration(s)");
    assertThat(json(redo).get("runs").get(1).get("direction").asString()).isEqualTo("up");

    HelpShown help = new HelpShown("status", "Every migration", List.of(), "Usage: status",
        List.of(new HelpShown.OptionHelp("all", "every environment")));
    assertThat(text(help)).contains("Usage: status", "--all", "--wait-for-other-run SECONDS");
    assertThat(json(help).get("usage").asString()).isEqualTo("Usage: status");
    CommandsListed list = new CommandsListed(Map.of("Inspect", List.of(new CommandsListed.Entry("status", "all"))));
    assertThat(text(list)).contains("Inspect", "  status");
    assertThat(json(list).get("groups").get(0).get("commands").get(0).get("name").asString()).isEqualTo("status");
  }

  @Test
  void bookkeepingResultsAreRenderedBothWays() {
    Stamped stamped = new Stamped(new StampResult(Optional.of(FIRST), List.of(FIRST), List.of(), Optional.empty(),
        false, List.of()), "db");
    assertThat(text(stamped)).contains("Stamped db at 20251001000100: 1 marked applied");
    assertThat(json(stamped).get("marked").get(0).asString()).isEqualTo("20251001000100");
    Repaired repaired = new Repaired(new RepairResult(List.of(), List.of(FIRST)), "db");
    assertThat(text(repaired)).contains("Recorded 1 applied migration(s) as deleted");
    assertThat(json(repaired).get("deleted").get(0).asString()).isEqualTo("20251001000100");
  }

  @Test
  void aSecondViewForOneResultTypeIsRefused() {
    View<SqlScript> view = View.of(SqlScript.class, (script, style) -> "", script -> null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Views.of(List.of(view, view)))
        .isInstanceOf(IllegalStateException.class);
    ViewGroup once = new ViewGroup(() -> List.of(view), SqlScript.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Views.grouped(List.of(once, once)))
        .isInstanceOf(IllegalStateException.class).hasMessage("Two views for " + SqlScript.class.getName());
  }

  @Test
  void everyGroupMakesTheViewsOfTheResultTypesItDeclaresAndNoOthers() {
    for (ViewGroup group : ConsoleViews.groups()) {
      List<Class<?>> made = group.make().stream().<Class<?>>map(View::type).toList();
      assertThat(made).containsExactlyInAnyOrderElementsOf(group.types());
    }
    // The first result shown makes its group, which checks what it made against what it declared.
    View<SqlScript> sql = View.of(SqlScript.class, (script, style) -> "", script -> null);
    Views declaredWrong = Views.grouped(List.of(new ViewGroup(() -> List.of(sql), SqlScript.class, Linted.class)));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> declaredWrong.of(new SqlScript("SELECT 1;")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("A view group declares [Linted, SqlScript] but makes views of [SqlScript]");
  }

  private static <R> String text(R result) {
    return VIEWS.of(result).orElseThrow().text(result, PLAIN);
  }

  private static <R> ObjectNode json(R result) {
    return VIEWS.of(result).orElseThrow().json(result);
  }
}
