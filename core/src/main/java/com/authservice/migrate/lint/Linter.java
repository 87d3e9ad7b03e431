package com.authservice.migrate.lint;

import com.authservice.migrate.lint.Change.AddColumn;
import com.authservice.migrate.lint.Change.AddConstraint;
import com.authservice.migrate.lint.Change.AlterColumnType;
import com.authservice.migrate.lint.Change.CreateIndex;
import com.authservice.migrate.lint.Change.CreateTable;
import com.authservice.migrate.lint.Change.DropTable;
import com.authservice.migrate.lint.Change.RenameTable;
import com.authservice.migrate.lint.Change.ValidateConstraint;
import com.authservice.migrate.sql.SqlStatements.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads scripts in the order they run and reports the statements that PostgreSQL would run under a lock the
 * service's queries queue behind, or that rewrite or scan a table while holding it. Each script's up SQL is
 * split as the runner splits it, so lines match the runner's error messages.
 */
public final class Linter {

  private final String schema;
  private final Knowledge knowledge;
  private final RuleBook rules;
  private final List<Finding> findings = new ArrayList<>();
  private final List<Finding> allowed = new ArrayList<>();
  private final List<Note> notes = new ArrayList<>();
  private int scripts;

  /** @param schema the schema unqualified table names are in */
  public Linter(Catalog catalog, String schema) {
    this.schema = schema;
    this.knowledge = new Knowledge(catalog);
    this.rules = new RuleBook(knowledge, schema);
  }

  /** Lints one script's up SQL, seeing what the scripts linted before it did; {@code transactional} unless it is marked {@code -- migrate:no-transaction}. */
  public Linter lintScript(String fileName, String upSql, boolean transactional) {
    return lintScript(ParsedScript.parse(fileName, upSql, schema), transactional);
  }

  /** {@link #lintScript(String, String, boolean)} of a script already parsed (for its {@link Catalog}). */
  public Linter lintScript(ParsedScript script, boolean transactional) {
    scripts++;
    String fileName = script.fileName();
    List<Statement> statements = script.statements();
    AllowComments allow = new AllowComments(fileName, script.upSql(), statements);
    notes.addAll(allow.unknownIds());
    ScriptState state = new ScriptState(transactional);
    for (int i = 0; i < statements.size(); i++) {
      Statement statement = statements.get(i);
      Optional<List<Change>> changes = script.changes(i);
      if (changes.isEmpty()) {
        notes.add(Note.unparsed(fileName, statement.line(), firstWords(statement.sql())));
        continue;
      }
      for (Change change : changes.get()) {
        for (RuleBook.Hit hit : rules.check(change, state)) {
          Finding finding = new Finding(fileName, statement.line(), hit.rule(), hit.subject(), statement.sql());
          (allow.allows(i, hit.rule()) ? allowed : findings).add(finding);
        }
        remember(change, state);
      }
    }
    return this;
  }

  public LintReport report() {
    return new LintReport(List.copyOf(findings), List.copyOf(allowed), List.copyOf(notes), scripts);
  }

  /** What later statements and scripts need to know about this change. */
  private void remember(Change change, ScriptState script) {
    if (change instanceof CreateTable create) {
      script.tableCreated(create.table());
      create.columns().forEach((column, type) -> knowledge.columnTypeIs(create.table(), column, type));
    } else if (change instanceof AddColumn add) {
      knowledge.columnTypeIs(add.table(), add.column(), add.type());
    } else if (change instanceof AlterColumnType alter) {
      knowledge.columnTypeIs(alter.table(), alter.column(), alter.type());
    } else if (change instanceof AddConstraint add) {
      if (add.notValid() && add.name().isPresent()) {
        script.constraintAddedNotValid(add.table(), add.name().get());
      }
      add.notNullColumn().ifPresent(column -> knowledge.notNullCheckAdded(add.table(), add.name().orElse(""), column,
          !add.notValid()));
    } else if (change instanceof ValidateConstraint validate) {
      knowledge.constraintValidated(validate.table(), validate.name());
    } else if (change instanceof CreateIndex create) {
      create.index().ifPresent(script::indexCreated);
    } else if (change instanceof RenameTable rename && !script.isExisting(rename.table())) {
      script.tableCreated(rename.table().substring(0, rename.table().lastIndexOf('.') + 1) + rename.to());
    } else if (change instanceof DropTable drop) {
      drop.tables().forEach(script::tableDropped);
    } else if (change instanceof Change.TransactionControl control) {
      script.transactionControl(control.keyword());
    }
  }

  private static String firstWords(String sql) {
    String oneLine = sql.replaceAll("\\s+", " ");
    return oneLine.length() <= 40 ? oneLine : oneLine.substring(0, 40) + "...";
  }
}
