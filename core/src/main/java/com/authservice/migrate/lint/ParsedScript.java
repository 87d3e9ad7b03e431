package com.authservice.migrate.lint;

import com.authservice.migrate.sql.PsqlScript;
import com.authservice.migrate.sql.SqlStatements.Statement;
import java.util.List;
import java.util.Optional;

/**
 * A script's up SQL split as the runner splits it, each statement parsed once: what it changes tells the
 * {@link Catalog} what to read before lint runs, and then the rules what to check.
 */
public final class ParsedScript {

  private final String fileName;
  private final String upSql;
  private final List<Statement> statements;
  private final List<Optional<List<Change>>> changes;

  private ParsedScript(String fileName, String upSql, List<Statement> statements,
      List<Optional<List<Change>>> changes) {
    this.fileName = fileName;
    this.upSql = upSql;
    this.statements = statements;
    this.changes = changes;
  }

  /** @param schema the schema unqualified table names are in */
  public static ParsedScript parse(String fileName, String upSql, String schema) {
    StatementParser parser = new StatementParser(schema);
    List<Statement> statements = PsqlScript.read(fileName, upSql, 1).stream().map(PsqlScript.Command::statement)
        .toList();
    return new ParsedScript(fileName, upSql, statements,
        statements.stream().map(statement -> parser.parse(statement.sql())).toList());
  }

  String fileName() {
    return fileName;
  }

  String upSql() {
    return upSql;
  }

  List<Statement> statements() {
    return statements;
  }

  /** What statement {@code i} changes; empty when the parser cannot read it. */
  Optional<List<Change>> changes(int i) {
    return changes.get(i);
  }

  /** Every change the script's readable statements make, in order. */
  List<Change> allChanges() {
    return changes.stream().flatMap(found -> found.orElse(List.of()).stream()).toList();
  }
}
