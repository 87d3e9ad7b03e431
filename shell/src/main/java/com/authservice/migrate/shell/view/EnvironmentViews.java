package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.environment.Environment;
import com.authservice.migrate.fleet.Fleet;
import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.shell.render.Table;
import com.authservice.migrate.shell.render.json.EnvironmentJson;
import com.authservice.migrate.shell.cli.Json;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The views of the console's own session: env, use, clear and --version. */
final class EnvironmentViews {

  /** What Spring Shell's built-in {@code clear} prints: cursor home, then erase the screen. */
  private static final String CLEAR_SCREEN = "\u001B[H\u001B[2J";

  private EnvironmentViews() {
  }

  static List<View<?>> all() {
    return List.of(
        View.of(EnvironmentsListed.class, EnvironmentViews::listed, EnvironmentViews::listedJson),
        View.of(EnvironmentUsed.class, (used, style) -> "Now targeting " + used.target()
                + (used.isProtected() ? " (protected: changes ask for confirmation)" : "") + "\n",
            used -> Json.object().put("environment", used.name()).put("target", used.target())
                .put("protected", used.isProtected())),
        View.of(ScreenCleared.class, (cleared, style) -> CLEAR_SCREEN, cleared -> Json.object()),
        View.of(ConsoleVersion.class, (version, style) -> "auth-migrate " + version.version() + " ("
                + version.runtime() + ")\n",
            version -> Json.object().put("version", version.version()).put("runtime", version.runtime())));
  }

  private static String listed(EnvironmentsListed listed, Style style) {
    Table table = new Table("Name", "Target", "Protected", "");
    for (Environment environment : listed.environments()) {
      table.row(environment.name(), environment.connection().target() + " as " + environment.connection().user(),
          environment.isProtected() ? "yes" : "no", environment.name().equals(listed.current()) ? "*" : "");
    }
    StringBuilder text = new StringBuilder(table.render(style));
    listed.unusable().forEach((name, reason) -> text.append(name).append(" cannot be used: ").append(reason)
        .append('\n'));
    // The fleets as their files define them; the members are only known by asking the server, which env never does.
    if (listed.fleets().isEmpty() && listed.unusableFleets().isEmpty()) {
      return text.toString();
    }
    Table fleets = new Table("Fleet", "Members", "Protected");
    for (Fleet fleet : listed.fleets()) {
      fleets.row(fleet.name(), fleet.describe() + " as " + fleet.server().user(), fleet.isProtected() ? "yes" : "no");
    }
    text.append('\n').append(fleets.render(style));
    listed.unusableFleets().forEach((name, reason) -> text.append(name).append(" cannot be used: ").append(reason)
        .append('\n'));
    return text.toString();
  }

  /** The environments' document as it was, plus the fleets, which the text always showed. */
  private static ObjectNode listedJson(EnvironmentsListed listed) {
    ObjectNode document = EnvironmentJson.list(listed.environments(), listed.current(), listed.unusable());
    document.set("fleets", Json.array(listed.fleets(), fleet -> Json.object().put("name", fleet.name())
        .put("kind", fleet.kind().word()).put("members", fleet.describe()).put("user", fleet.server().user())
        .put("protected", fleet.isProtected())));
    document.set("unusableFleets", unusable(listed.unusableFleets()));
    return document;
  }

  private static ArrayNode unusable(Map<String, String> unusable) {
    return Json.array(unusable.entrySet(), entry -> Json.object().put("name", entry.getKey())
        .put("reason", entry.getValue()));
  }
}
