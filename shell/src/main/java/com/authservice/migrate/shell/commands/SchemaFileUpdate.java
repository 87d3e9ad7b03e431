package com.authservice.migrate.shell.commands;

import com.authservice.migrate.drift.SchemaFile;
import com.authservice.migrate.shell.session.ConsoleSession;
import java.io.PrintStream;

/**
 * {@code schema_file=true} in the targeted environment's file: after {@code up} and {@code new --autogenerate},
 * {@code schema.sql} is rewritten to the schema the scripts produce at head, built on the throw-away server.
 * The setting is read before the command runs, so a bad value stops it before it changes anything; once the
 * command has changed something, a failure to write the file is a warning, not the command's failure.
 */
final class SchemaFileUpdate {

  private final ConsoleSession session;
  private final boolean on;

  private SchemaFileUpdate(ConsoleSession session, boolean on) {
    this.session = session;
    this.on = on;
  }

  /** Reads the setting now: call it before the command changes anything. */
  static SchemaFileUpdate before(ConsoleSession session) {
    return new SchemaFileUpdate(session, SchemaFile.isOn(session.scripts()));
  }

  void after() {
    if (!on) {
      return;
    }
    PrintStream err = session.launch().err();
    SchemaFile file = SchemaFile.of(session.scripts());
    try {
      if (file.write(session.migrations().schemaAtHead(session.scratchDatabase(session.connection().schema())))) {
        err.println("Wrote " + file.path() + ": the schema at head changed (schema_file=true).");
      }
    } catch (RuntimeException e) {
      err.println("warning: " + file.path() + " was not updated: " + e.getMessage());
    }
  }
}
