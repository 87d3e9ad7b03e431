package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.cli.View;
import com.authservice.migrate.result.MigrationId;
import com.authservice.migrate.shell.render.json.ChangelogJson;
import com.authservice.migrate.shell.cli.Json;
import java.util.List;
import java.util.Locale;

/** The views of writing scripts and of the bookkeeping that runs no migration: new, script, stamp, repair. */
final class ScriptViews {

  private ScriptViews() {
  }

  static List<View<?>> all() {
    return List.of(
        View.of(SqlScript.class, (script, style) -> script.sql(), script -> Json.object().put("sql", script.sql())),
        View.of(FileWritten.class, (written, style) -> written.kind() != FileWritten.Kind.SQL
                ? "Created " + written.file() + "\nReview it, then apply it with `up`.\n"
                : "Wrote " + written.file() + "\n",
            written -> Json.object().put("file", written.file().toString())
                .put("kind", written.kind().name().toLowerCase(Locale.ROOT))),
        View.of(JavaMigrationWritten.class, (written, style) -> "Created " + written.script() + "\nCreated "
                + written.source() + "\nWrite up() and down() in the class, then apply it with `up`.\n",
            written -> Json.object().put("file", written.script().toString()).put("kind", "java_migration")
                .put("source", written.source().toString())),
        View.of(Stamped.class, ScriptViews::stamped, stamped -> ChangelogJson.stamp(stamped.result(), stamped.target())),
        View.of(Repaired.class, ScriptViews::repaired,
            repaired -> ChangelogJson.repair(repaired.result(), repaired.target())));
  }

  private static String stamped(Stamped stamped, com.authservice.migrate.shell.cli.Style style) {
    StringBuilder text = new StringBuilder();
    var result = stamped.result();
    result.alembicRevision().ifPresent(revision -> text.append("This database was managed by Alembic (revision ")
        .append(revision).append(")")
        .append(result.alembicTableDropped() ? "; alembic_version dropped." : "; alembic_version left as is.")
        .append('\n'));
    text.append("Stamped ").append(stamped.target()).append(" at ")
        .append(result.current().map(MigrationId::toString).orElse("base")).append(": ")
        .append(result.marked().size()).append(" marked applied, ").append(result.unmarked().size())
        .append(" unmarked. No migration ran.\n");
    if (!result.differences().isEmpty()) {
      text.append("The database differs from what the scripts build up to there; up will not change:\n");
      result.differences().forEach(line -> text.append("  - ").append(line).append('\n'));
    }
    return text.toString();
  }

  private static String repaired(Repaired repaired, com.authservice.migrate.shell.cli.Style style) {
    StringBuilder text = new StringBuilder();
    var result = repaired.result();
    if (result.isEmpty()) {
      text.append("Nothing to repair: no applied script was edited or deleted.\n");
    }
    if (!result.accepted().isEmpty()) {
      text.append("Accepted the current content of ").append(result.accepted().size()).append(" script(s): ")
          .append(result.accepted()).append('\n');
    }
    if (!result.deleted().isEmpty()) {
      text.append("Recorded ").append(result.deleted().size()).append(" applied migration(s) as deleted (their "
          + "scripts are gone; down cannot undo them): ").append(result.deleted()).append('\n');
    }
    return text.toString();
  }
}
