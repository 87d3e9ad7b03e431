package com.authservice.migrate.shell.commands;

import com.authservice.migrate.definition.Definitions;
import com.authservice.migrate.fleet.Fleet;
import com.authservice.migrate.shell.session.ConsoleSession;
import com.authservice.migrate.shell.view.EnvironmentUsed;
import com.authservice.migrate.shell.view.EnvironmentsListed;
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
  public EnvironmentsListed list(@Argument(index = 0, description = "list (the default)") String verb) {
    Definitions<Fleet> fleets = session.fleets();
    return new EnvironmentsListed(session.environments().all(), session.environmentName(),
        session.environments().unusable(), fleets.all(), fleets.unusable());
  }

  @Command(name = "use", group = "Environments", description = "Switch the console to another environment",
      completionProvider = "environmentCompletion", help = """
          Usage: use <ENVIRONMENT>
            use staging        later commands target staging; the prompt shows it""")
  public EnvironmentUsed use(@Argument(index = 0, description = "environment name") String name) {
    session.use(RunCommands.required(name, "use needs an environment name; `env` lists them"));
    return new EnvironmentUsed(session.environmentName(), session.target(), session.isProtected());
  }
}
