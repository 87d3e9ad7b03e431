package com.authservice.migrate.shell.view;

import com.authservice.migrate.autogenerate.GeneratedScript;
import com.authservice.migrate.fleet.FleetStatus;
import com.authservice.migrate.shell.cli.CommandsListed;
import com.authservice.migrate.shell.cli.HelpShown;
import com.authservice.migrate.shell.cli.ViewGroup;
import com.authservice.migrate.shell.cli.Views;
import java.util.List;

/**
 * The console's views: every result type a command returns, each with its text and its JSON rendering, by the
 * part of the console that returns it. A group is made when one of its results is first shown.
 */
public final class ConsoleViews {

  private ConsoleViews() {
  }

  public static Views registry() {
    return Views.grouped(groups());
  }

  static List<ViewGroup> groups() {
    return List.of(
        new ViewGroup(MyBatisViews::all, RunShown.class, Redone.class, EnvironmentsRan.class, VersionsShown.class,
            RepositoryCreated.class, Bootstrapped.class),
        new ViewGroup(ScriptViews::all, SqlScript.class, FileWritten.class, JavaMigrationWritten.class,
            Stamped.class, Repaired.class),
        new ViewGroup(ModelViews::all, GeneratedScript.class, ModelsCompared.class),
        new ViewGroup(DriftViews::all, DriftFound.class),
        new ViewGroup(StatusViews::all, StatusShown.class, MatrixShown.class, CurrentShown.class, HistoryShown.class,
            MigrationShown.class, Validated.class),
        new ViewGroup(FleetViews::all, FleetStatus.class, FleetChanged.class),
        new ViewGroup(EnvironmentViews::all, EnvironmentsListed.class, EnvironmentUsed.class, ScreenCleared.class,
            ConsoleVersion.class),
        new ViewGroup(LintViews::all, Linted.class),
        new ViewGroup(VerifyViews::all, Verified.class),
        new ViewGroup(HelpViews::all, CommandsListed.class, HelpShown.class));
  }
}
