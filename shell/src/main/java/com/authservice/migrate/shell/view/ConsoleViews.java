package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.shell.cli.Views;
import java.util.ArrayList;
import java.util.List;

/** The console's views: every result type a command returns, each with its text and its JSON rendering. */
public final class ConsoleViews {

  private ConsoleViews() {
  }

  public static Views registry() {
    List<View<?>> views = new ArrayList<>();
    views.addAll(MyBatisViews.all());
    views.addAll(ScriptViews.all());
    views.addAll(ModelViews.all());
    views.addAll(DriftViews.all());
    views.addAll(StatusViews.all());
    views.addAll(FleetViews.all());
    views.addAll(EnvironmentViews.all());
    views.addAll(LintViews.all());
    views.addAll(VerifyViews.all());
    views.addAll(HelpViews.all());
    return new Views(views);
  }
}
