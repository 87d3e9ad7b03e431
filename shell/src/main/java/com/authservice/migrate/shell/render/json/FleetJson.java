package com.authservice.migrate.shell.render.json;

import com.authservice.migrate.shell.cli.Json;
import com.authservice.migrate.fleet.FleetResult;
import com.authservice.migrate.fleet.FleetStatus;
import com.authservice.migrate.targets.MemberResult;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code status --fleet} and the summary of a change across a fleet, as JSON. */
public final class FleetJson {

  private FleetJson() {
  }

  public static ObjectNode status(FleetStatus status) {
    ObjectNode document = Json.object().put("fleet", status.fleet().name())
        .put("kind", status.fleet().kind().word()).put("members", status.members())
        .put("upToDate", status.isUpToDate());
    document.set("migrations", Json.array(status.rows(), row -> Json.object().put("id", row.id().toString())
        .put("description", row.description()).put("appliedOn", row.appliedOn()).put("modifiedOn", row.modifiedOn())));
    document.set("behind", Json.array(status.behind(), behind -> Json.object().put("member", behind.member())
        .put("waiting", behind.waiting())));
    document.set("failed", problems(status.failed()));
    document.set("unreachable", problems(status.unreachable()));
    return document;
  }

  /** {@code migrations}: how many migrations a member's result applied, undid or marked. */
  public static <T> ObjectNode summary(FleetResult<T> result, ToIntFunction<T> migrations) {
    ObjectNode document = Json.object().put("fleet", result.fleet().name())
        .put("kind", result.fleet().kind().word()).put("parallel", result.parallel())
        .put("durationMs", result.elapsed().toMillis());
    document.set("members", Json.array(result.members(), member -> {
      ObjectNode node = Json.object().put("member", member.member())
          .put("outcome", member.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'))
          .put("durationMs", member.elapsed().toMillis());
      member.value().ifPresent(value -> node.put("migrations", migrations.applyAsInt(value)));
      member.reason().ifPresent(reason -> node.put("reason", reason));
      return node;
    }));
    return document;
  }

  private static ArrayNode problems(List<FleetStatus.Problem> problems) {
    return Json.array(problems, problem -> Json.object().put("member", problem.member())
        .put("reason", problem.reason()));
  }
}
