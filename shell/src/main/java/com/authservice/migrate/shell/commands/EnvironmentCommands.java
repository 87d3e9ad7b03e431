package com.authservice.migrate.shell.commands;

import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.fleet.Fleet;
import com.authservice.migrate.fleet.Fleets;
import com.authservice.migrate.shell.render.Style;
import com.authservice.migrate.shell.render.Table;
import com.authservice.migrate.shell.render.json.EnvironmentJson;
import com.authservice.migrate.shell.render.json.JsonOutput;
import com.authservice.migrate.shell.session.ConsoleSession;
import java.io.PrintWriter;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;

/** Which databases the console knows and which one it targets. */
public class EnvironmentCommands {

  private final ConsoleSession session;

  public EnvironmentCommands(ConsoleSession session) {
    this.session = session;
  }

  @Command(name = "env", group = "Environments", description = "List the environments (never their passwords)",
      help = """
          Usage: env [list]
            env                every environment: name, target database, protected or not
          Environments are environments/<name>.properties in the migrations folder; `default` is POSTGRES_* and .env.
          Fleets (fleets/<name>.properties: many databases or schemas as one target) follow, for --fleet NAME.""")
  public void list(@Argument(index = 0, description = "list (the default)") String verb, CommandContext context) {
    if (JsonOutput.wanted(context)) {
      JsonOutput.write(context, EnvironmentJson.list(session.environments().all(), session.environmentName(),
          session.environments().unusable()));
      return;
    }
    Table table = new Table("Name", "Target", "Protected", "");
    for (Environment environment : session.environments().all()) {
      table.row(environment.name(), environment.connection().target() + " as " + environment.connection().user(),
          environment.isProtected() ? "yes" : "no", environment.name().equals(session.environmentName()) ? "*" : "");
    }
    context.outputWriter().print(table.render(new Style(session.launch().terminal())));
    session.environments().unusable().forEach((name, reason) ->
        context.outputWriter().println(name + " cannot be used: " + reason));
    listFleets(context.outputWriter());
  }

  /** The fleets as their files define them; the members are only known by asking the server, which env never does. */
  private void listFleets(PrintWriter out) {
    Fleets fleets = session.fleets();
    if (fleets.all().isEmpty() && fleets.unusable().isEmpty()) {
      return;
    }
    Table table = new Table("Fleet", "Members", "Protected");
    for (Fleet fleet : fleets.all()) {
      table.row(fleet.name(), fleet.describe() + " as " + fleet.server().user(), fleet.isProtected() ? "yes" : "no");
    }
    out.println();
    out.print(table.render(new Style(session.launch().terminal())));
    fleets.unusable().forEach((name, reason) -> out.println(name + " cannot be used: " + reason));
  }

  @Command(name = "use", group = "Environments", description = "Switch the console to another environment",
      completionProvider = "environmentCompletion", help = """
          Usage: use <ENVIRONMENT>
            use staging        later commands target staging; the prompt shows it""")
  public void use(@Argument(index = 0, description = "environment name") String name, CommandContext context) {
    session.use(RunCommands.required(name, "use needs an environment name; `env` lists them"));
    context.outputWriter().println("Now targeting " + session.target()
        + (session.isProtected() ? " (protected: changes ask for confirmation)" : ""));
  }
}
