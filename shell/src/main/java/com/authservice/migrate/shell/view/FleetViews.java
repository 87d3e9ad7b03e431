package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.fleet.FleetStatus;
import com.authservice.migrate.shell.render.FleetView;
import com.authservice.migrate.shell.render.json.FleetJson;
import java.util.List;

/** The views of a command run with {@code --fleet}: status across the members, and a change on each of them. */
final class FleetViews {

  private FleetViews() {
  }

  static List<View<?>> all() {
    return List.of(
        View.of(FleetStatus.class, (status, style) -> FleetView.status(status, style), FleetJson::status),
        View.of(FleetChanged.class, FleetViews::changed, FleetViews::changedJson));
  }

  private static <T> String changed(FleetChanged<T> changed, com.authservice.migrate.shell.cli.Style style) {
    return FleetView.summary(changed.result(), changed.label(), changed.migrations(), style);
  }

  private static <T> tools.jackson.databind.node.ObjectNode changedJson(FleetChanged<T> changed) {
    return FleetJson.summary(changed.result(), changed.migrations());
  }
}
