package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.shell.render.RunView;
import com.authservice.migrate.shell.cli.Json;
import com.authservice.migrate.shell.render.json.RunJson;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The views of running migrations and of the MyBatis CLI's own commands: up/down/redo, info, init, bootstrap. */
final class MyBatisViews {

  private MyBatisViews() {
  }

  static List<View<?>> all() {
    return List.of(
        View.of(RunShown.class, (shown, style) -> RunView.render(shown.run(), shown.target(), style),
            shown -> RunJson.run(shown.run(), shown.target())),
        View.of(Redone.class, (redone, style) -> String.join("", redone.runs().stream()
            .map(run -> RunView.render(run, redone.target(), style)).toList()), MyBatisViews::redone),
        View.of(EnvironmentsRan.class, (ran, style) -> String.join("", ran.runs().stream()
            .map(run -> EnvironmentsRan.line(run) + "\n").toList()), ran -> RunJson.runs(ran.runs())),
        View.of(VersionsShown.class, (shown, style) -> "auth-migrate " + shown.console() + "\n"
            + shown.versions().myBatisMigrations() + " (repository format, script reader)\n"
            + "Driver: " + shown.versions().driver() + "\n"
            + "Server: " + shown.versions().server().map(version -> version + " (" + shown.target() + ")")
                .orElse("not reachable: " + shown.versions().serverProblem().orElse("")) + "\n"
            + "Java: " + shown.versions().java() + "\n"
            + "OS: " + shown.versions().os() + "\n", MyBatisViews::versions),
        View.of(RepositoryCreated.class, (created, style) -> "Created a migrations repository in "
            + created.repository() + ":\n"
            + String.join("", created.files().stream().map(file -> "  " + created.repository().relativize(file) + "\n")
                .toList())
            + "Set POSTGRES_HOST, POSTGRES_PORT, POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD (or .env), "
            + "then: new \"<description>\" and up" + (created.pathGiven() ? " with --path." : ".") + "\n",
            created -> {
              ObjectNode document = Json.object().put("repository", created.repository().toString());
              document.set("files", Json.strings(created.files().stream()
                  .map(file -> created.repository().relativize(file).toString()).toList()));
              return document;
            }),
        View.of(Bootstrapped.class, (done, style) -> "Ran scripts/bootstrap.sql on " + done.target() + ": "
            + done.statements() + " statement(s) in one transaction, not recorded in the changelog.\n",
            done -> Json.object().put("target", done.target()).put("script", "scripts/bootstrap.sql")
                .put("statements", done.statements())));
  }

  private static ObjectNode redone(Redone redone) {
    ObjectNode document = Json.object().put("target", redone.target());
    document.set("runs", Json.array(redone.runs(), run -> {
      ObjectNode fields = RunJson.run(run, redone.target());
      fields.remove("target");
      return fields;
    }));
    return document;
  }

  private static ObjectNode versions(VersionsShown shown) {
    ObjectNode document = Json.object().put("console", shown.console())
        .put("myBatisMigrations", shown.versions().myBatisMigrations()).put("driver", shown.versions().driver())
        .put("target", shown.target()).put("server", shown.versions().server().orElse(null));
    shown.versions().serverProblem().ifPresent(problem -> document.put("serverProblem", problem));
    return document.put("java", shown.versions().java()).put("os", shown.versions().os());
  }
}
