package com.authservice.migrate.shell.commands;

import com.authservice.migrate.shell.models.ModelSet;
import com.authservice.migrate.shell.session.ConsoleSession;
import com.authservice.migrate.shell.session.ScratchServer;
import com.authservice.migrate.shell.view.Verified;
import com.authservice.migrate.verify.ScratchDatabase;
import com.authservice.migrate.verify.TargetHistory;
import com.authservice.migrate.verify.Verifier;
import java.util.List;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;

/** {@code verify}: prove every migration on a throw-away PostgreSQL before it reaches a real one. */
public class VerifyCommands {

  private final ConsoleSession session;

  public VerifyCommands(ConsoleSession session) {
    this.session = session;
  }

  @Command(name = "verify", group = "Inspect",
      description = "Prove every migration on a throw-away PostgreSQL: undo restores, data survives, models match",
      help = """
          Usage: verify [--no-data] [--scratch-url URL] [--models PACKAGE|CLASSES | --no-models] [--write-schema]
            verify             on an embedded PostgreSQL of its own, from base: put sample rows into every table,
                               apply each migration, undo it, check the schema is exactly what it was
                               (tables, columns, constraints, indexes, sequences, views, functions, triggers,
                               extensions, enum values, comments), apply it again; at head compare the models;
                               lint every script strictly; ids unique and none out of order on the target
            verify --no-data   without the sample rows
            verify --no-models without comparing the schema at head with the models (a repository without them)
            verify --write-schema
                               write schema.sql (the schema at head, one object a line) beside scripts/; without
                               it, verify fails when that file exists (or schema_file=true) and differs
            verify --scratch-url postgresql://user:pw@host:5432/postgres
                               on that server instead, in a database verify creates and drops (needs CREATEDB)
          Exit 0 when everything holds, 1 listing every failure with the script it names. The target database
          is only read (for the out-of-order check). Details: docs/verify.md.""")
  public Verified verify(
      @Option(longName = "no-data", defaultValue = "false", description = "apply onto empty tables") Boolean noData,
      @Option(longName = "scratch-url", description = "a PostgreSQL server to verify on instead of an embedded one")
      String scratchUrl,
      @Option(longName = "models", description = "a package of @Entity classes, or class names") String models,
      @Option(longName = "no-models", defaultValue = "false", description = "do not compare with the models")
      Boolean noModels,
      @Option(longName = "write-schema", defaultValue = "false", description = "write schema.sql from head")
      Boolean writeSchema) {
    Verifier verifier = new Verifier(session.scripts(), noModels ? List.of() : ModelSet.resolve(models), !noData,
        writeSchema).cancellableBy(session.cancellation());
    TargetHistory target = session.targetHistory();
    // Closed on Ctrl-C too: the scratch database is dropped, the embedded server stopped and its folder deleted.
    try (ScratchServer server = session.scratchServer(scratchUrl);
        ScratchDatabase scratch = server.createDatabase(session.targetSchema())) {
      return new Verified(verifier.verify(scratch, target));
    }
  }
}
