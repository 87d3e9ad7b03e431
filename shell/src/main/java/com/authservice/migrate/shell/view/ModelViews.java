package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.autogenerate.GeneratedScript;
import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.shell.render.json.ChangelogJson;
import com.authservice.migrate.shell.cli.Json;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** The views of comparing the models with the database: autogenerate and check. */
final class ModelViews {

  private ModelViews() {
  }

  static List<View<?>> all() {
    return List.of(
        View.of(GeneratedScript.class, ModelViews::generated, ModelViews::generatedJson),
        View.of(ModelsCompared.class, ModelViews::compared,
            compared -> ChangelogJson.check(compared.found(), compared.target())));
  }

  private static String generated(GeneratedScript generated, Style style) {
    if (generated.file().isEmpty()) {
      return "No changes detected: the database already matches the models. No script written.\n";
    }
    StringBuilder text = new StringBuilder("Detected " + generated.autogeneration().changes().size()
        + " change(s):\n");
    generated.autogeneration().summary().forEach(line -> text.append("  - ").append(line).append('\n'));
    generated.autogeneration().warnings().forEach(line -> text.append("  ! ").append(line).append('\n'));
    text.append("Created ").append(generated.file().get()).append('\n');
    generated.concurrentFile().ifPresent(file -> text.append("Created ").append(file)
        .append(" (indexes built and keys validated CONCURRENTLY, outside a transaction)\n"));
    return text.append("Review it before applying (show <id>), then run `up`.\n").toString();
  }

  private static ObjectNode generatedJson(GeneratedScript generated) {
    ObjectNode document = Json.object().put("file", generated.file().map(Object::toString).orElse(null))
        .put("concurrentFile", generated.concurrentFile().map(Object::toString).orElse(null));
    document.set("changes", Json.strings(generated.autogeneration().summary()));
    document.set("warnings", Json.strings(generated.autogeneration().warnings()));
    return document;
  }

  private static String compared(ModelsCompared compared, Style style) {
    if (compared.found().isEmpty()) {
      return "No differences: " + compared.target() + " matches the models.\n";
    }
    StringBuilder text = new StringBuilder("The models and " + compared.target() + " differ in "
        + compared.found().changes().size() + " way(s):\n");
    compared.found().summary().forEach(line -> text.append("  - ").append(line).append('\n'));
    return text.append("Generate the migration with: autogenerate \"<description>\"\n").toString();
  }
}
