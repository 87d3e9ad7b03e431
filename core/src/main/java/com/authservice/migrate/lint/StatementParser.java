package com.authservice.migrate.lint;

import com.authservice.migrate.lint.Change.AddColumn;
import com.authservice.migrate.lint.Change.AddConstraint;
import com.authservice.migrate.lint.Change.AlterColumnType;
import com.authservice.migrate.lint.Change.ConstraintKind;
import com.authservice.migrate.lint.Change.CreateIndex;
import com.authservice.migrate.lint.Change.CreateTable;
import com.authservice.migrate.lint.Change.DropColumn;
import com.authservice.migrate.lint.Change.DropIndex;
import com.authservice.migrate.lint.Change.DropTable;
import com.authservice.migrate.lint.Change.RenameColumn;
import com.authservice.migrate.lint.Change.RenameTable;
import com.authservice.migrate.lint.Change.SetNotNull;
import com.authservice.migrate.lint.Change.SetParameter;
import com.authservice.migrate.lint.Change.TransactionControl;
import com.authservice.migrate.lint.Change.ValidateConstraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.antlr.v4.runtime.tree.ParseTree;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementLexer;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.AddColumnSpecificationContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.AddConstraintSpecificationContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.AlterTableActionContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.AlterTableContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.CheckOptionContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.ColumnConstraintContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.ColumnConstraintOptionContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.ColumnDefinitionContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.ColumnrefContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.ConfigurationParameterClauseContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.CreateDefinitionContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.CreateIndexContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.CreateTableContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.ExecuteContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.FuncApplicationContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.ModifyColumnSpecificationContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.QualifiedNameContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.TableConstraintContext;
import org.apache.shardingsphere.sql.parser.autogen.PostgreSQLStatementParser.TableNameContext;

/**
 * Reads a statement with Apache ShardingSphere's PostgreSQL grammar (an ANTLR port of PostgreSQL's own
 * gram.y) and says what it changes. A statement the grammar cannot read gives nothing, and lint says so:
 * it never falls back to guessing from the text.
 */
final class StatementParser {

  private final String schema;

  /** @param schema the schema unqualified names live in (the connection's search path) */
  StatementParser(String schema) {
    this.schema = schema;
  }

  /** The changes {@code sql} makes (empty for statements no rule is about), or empty when it cannot be read. */
  Optional<List<Change>> parse(String sql) {
    return tree(sql).map(this::changes);
  }

  private static Optional<ExecuteContext> tree(String sql) {
    // The fast SLL pass reads almost everything; the full LL pass settles what SLL finds ambiguous.
    for (PredictionMode mode : List.of(PredictionMode.SLL, PredictionMode.LL)) {
      PostgreSQLStatementLexer lexer = new PostgreSQLStatementLexer(CharStreams.fromString(sql));
      lexer.removeErrorListeners();
      PostgreSQLStatementParser parser = new PostgreSQLStatementParser(new CommonTokenStream(lexer));
      parser.removeErrorListeners();
      parser.setErrorHandler(new BailErrorStrategy());
      parser.getInterpreter().setPredictionMode(mode);
      try {
        return Optional.of(parser.execute());
      } catch (ParseCancellationException e) {
        // Not readable in this mode; the next one, or "could not parse".
      }
    }
    return Optional.empty();
  }

  private List<Change> changes(ExecuteContext statement) {
    List<Change> changes = new ArrayList<>();
    if (statement.createTable() != null && statement.createTable().tableName() != null) {
      changes.add(createTable(statement.createTable()));
    } else if (statement.alterTable() != null) {
      alterTable(statement.alterTable(), changes);
    } else if (statement.createIndex() != null) {
      CreateIndexContext index = statement.createIndex();
      changes.add(new CreateIndex(table(index.tableName()),
          Optional.ofNullable(index.indexName()).map(name -> qualified(name.getText())),
          index.concurrentlyClause() != null && index.concurrentlyClause().CONCURRENTLY() != null));
    } else if (statement.dropIndex() != null) {
      List<String> names = descendants(statement.dropIndex(), QualifiedNameContext.class).stream()
          .map(name -> qualified(name.getText())).toList();
      var concurrently = statement.dropIndex().concurrentlyClause();
      changes.add(new DropIndex(names, concurrently != null && concurrently.CONCURRENTLY() != null));
    } else if (statement.dropTable() != null) {
      changes.add(new DropTable(statement.dropTable().tableNames().tableName().stream().map(this::table).toList()));
    } else if (statement.beginTransaction() != null || statement.startTransaction() != null
        || statement.commit() != null || statement.rollback() != null || statement.end() != null
        || statement.abort() != null) {
      changes.add(new TransactionControl(statement.getStart().getText().toUpperCase()));
    } else if (statement.set() != null) {
      descendants(statement.set(), ConfigurationParameterClauseContext.class).stream()
          .filter(clause -> clause.varName() != null)
          .forEach(clause -> changes.add(new SetParameter(identifier(clause.varName().getText()))));
    }
    return changes;
  }

  private CreateTable createTable(CreateTableContext create) {
    Map<String, ColumnType> columns = new LinkedHashMap<>();
    if (create.createDefinitionClause() != null) {
      for (CreateDefinitionContext definition : create.createDefinitionClause().createDefinition()) {
        if (definition.columnDefinition() != null) {
          columns.put(identifier(definition.columnDefinition().columnName().getText()),
              ColumnType.of(text(definition.columnDefinition().dataType())));
        }
      }
    }
    return new CreateTable(table(create.tableName()), Map.copyOf(columns));
  }

  private void alterTable(AlterTableContext alter, List<Change> changes) {
    if (alter.tableNameClause() == null || alter.alterDefinitionClause() == null) {
      return;
    }
    String table = table(alter.tableNameClause().tableName());
    var definition = alter.alterDefinitionClause();
    if (definition.renameColumnSpecification() != null) {
      var rename = definition.renameColumnSpecification();
      changes.add(new RenameColumn(table, identifier(rename.columnName(0).getText()),
          identifier(rename.columnName(1).getText())));
    } else if (definition.renameTableSpecification() != null) {
      changes.add(new RenameTable(table, identifier(definition.renameTableSpecification().identifier().getText())));
    } else if (definition.alterTableActions() != null) {
      for (AlterTableActionContext action : definition.alterTableActions().alterTableAction()) {
        action(table, action, changes);
      }
    }
  }

  private void action(String table, AlterTableActionContext action, List<Change> changes) {
    if (action.addColumnSpecification() != null) {
      changes.add(addColumnOrConstraint(table, action.addColumnSpecification()));
    } else if (action.addConstraintSpecification() != null) {
      changes.add(addConstraint(table, action.addConstraintSpecification()));
    } else if (action.modifyColumnSpecification() != null) {
      modifyColumn(table, action.modifyColumnSpecification(), changes);
    } else if (action.dropColumnSpecification() != null) {
      changes.add(new DropColumn(table, identifier(action.dropColumnSpecification().columnName().getText())));
    } else if (action.validateConstraintSpecification() != null) {
      changes.add(new ValidateConstraint(table,
          identifier(action.validateConstraintSpecification().constraintName().getText())));
    }
  }

  private Change addColumnOrConstraint(String table, AddColumnSpecificationContext add) {
    ColumnDefinitionContext column = add.columnDefinition();
    // The grammar lets "ADD CONSTRAINT c CHECK (...)" also read as a column named "constraint" of type c.
    // CONSTRAINT is reserved in PostgreSQL, so the server only ever reads it as the constraint.
    if (add.COLUMN() == null && column.columnName().getText().equalsIgnoreCase("constraint")) {
      Optional<CheckOptionContext> check = column.columnConstraint().stream()
          .map(c -> c.columnConstraintOption().checkOption()).filter(c -> c != null).findFirst();
      return new AddConstraint(table, Optional.of(identifier(column.dataType().getText())), ConstraintKind.CHECK,
          false, false, check.flatMap(StatementParser::notNullColumn));
    }
    ColumnType type = ColumnType.of(text(column.dataType()));
    boolean notNull = false;
    boolean hasDefault = type.isSerial();
    boolean generated = false;
    boolean primaryKey = false;
    boolean unique = false;
    List<String> calls = new ArrayList<>(type.isSerial() ? List.of("nextval") : List.of());
    for (ColumnConstraintContext constraint : column.columnConstraint()) {
      ColumnConstraintOptionContext option = constraint.columnConstraintOption();
      notNull |= option.NOT() != null && option.NULL() != null;
      primaryKey |= option.primaryKey() != null;
      unique |= option.UNIQUE() != null;
      generated |= option.GENERATED() != null;
      if (option.DEFAULT() != null && option.defaultExpr() != null) {
        hasDefault = true;
        descendants(option.defaultExpr(), FuncApplicationContext.class)
            .forEach(call -> calls.add(functionName(call.funcName().getText())));
      }
    }
    return new AddColumn(table, identifier(column.columnName().getText()), type, notNull || primaryKey, hasDefault,
        List.copyOf(calls), generated, primaryKey, unique);
  }

  private AddConstraint addConstraint(String table, AddConstraintSpecificationContext add) {
    boolean notValid = add.NOT() != null && add.VALID() != null;
    if (add.tableConstraintUsingIndex() != null) {
      var using = add.tableConstraintUsingIndex();
      return new AddConstraint(table, Optional.ofNullable(using.constraintName()).map(n -> identifier(n.getText())),
          using.primaryKey() != null ? ConstraintKind.PRIMARY_KEY : ConstraintKind.UNIQUE, notValid, true,
          Optional.empty());
    }
    TableConstraintContext constraint = add.tableConstraint();
    var option = constraint.tableConstraintOption();
    Optional<String> name = Optional.ofNullable(constraint.constraintClause())
        .map(clause -> identifier(clause.constraintName().getText()));
    ConstraintKind kind;
    if (option.checkOption() != null) {
      kind = ConstraintKind.CHECK;
    } else if (option.FOREIGN() != null) {
      kind = ConstraintKind.FOREIGN_KEY;
    } else if (option.primaryKey() != null) {
      kind = ConstraintKind.PRIMARY_KEY;
    } else if (option.UNIQUE() != null) {
      kind = ConstraintKind.UNIQUE;
    } else {
      kind = ConstraintKind.EXCLUDE;
    }
    return new AddConstraint(table, name, kind, notValid, false,
        Optional.ofNullable(option.checkOption()).flatMap(StatementParser::notNullColumn));
  }

  private void modifyColumn(String table, ModifyColumnSpecificationContext modify, List<Change> changes) {
    String column = identifier(modify.modifyColumn().columnName().getText());
    if (modify.TYPE() != null && modify.dataType() != null) {
      changes.add(new AlterColumnType(table, column, ColumnType.of(text(modify.dataType())), modify.USING() != null));
    } else if (modify.SET() != null && modify.NOT() != null && modify.NULL() != null) {
      changes.add(new SetNotNull(table, column));
    }
  }

  /** The column of {@code CHECK (column IS NOT NULL)}, however many parentheses surround it. */
  private static Optional<String> notNullColumn(CheckOptionContext check) {
    ParseTree expression = check.aExpr();
    while (expression.getChildCount() == 1 || isParenthesised(expression)) {
      expression = expression.getChildCount() == 1 ? expression.getChild(0) : expression.getChild(1);
    }
    if (expression.getChildCount() == 4 && expression.getChild(1).getText().equalsIgnoreCase("is")
        && expression.getChild(2).getText().equalsIgnoreCase("not")
        && expression.getChild(3).getText().equalsIgnoreCase("null")) {
      List<ColumnrefContext> refs = descendants((ParserRuleContext) expression.getChild(0), ColumnrefContext.class);
      if (refs.size() == 1 && refs.get(0).getText().equals(expression.getChild(0).getText())) {
        return Optional.of(identifier(refs.get(0).getText()));
      }
    }
    return Optional.empty();
  }

  /** {@code ( expression )}, possibly followed by an empty indirection. */
  private static boolean isParenthesised(ParseTree tree) {
    int count = tree.getChildCount();
    return (count == 3 || count == 4 && tree.getChild(3).getText().isEmpty())
        && tree.getChild(0).getText().equals("(") && tree.getChild(2).getText().equals(")");
  }

  private String table(TableNameContext name) {
    return qualified(name.getText());
  }

  /** {@code users} → {@code public.users}; {@code app."Users"} → {@code app.Users}. */
  private String qualified(String written) {
    List<String> parts = splitName(written);
    String name = identifier(parts.get(parts.size() - 1));
    return (parts.size() > 1 ? identifier(parts.get(parts.size() - 2)) : schema) + "." + name;
  }

  private static String functionName(String written) {
    List<String> parts = splitName(written);
    return identifier(parts.get(parts.size() - 1));
  }

  /** Splits a dotted name at the dots outside double quotes. */
  private static List<String> splitName(String written) {
    List<String> parts = new ArrayList<>();
    StringBuilder part = new StringBuilder();
    boolean quoted = false;
    for (char c : written.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
      }
      if (c == '.' && !quoted) {
        parts.add(part.toString());
        part.setLength(0);
      } else {
        part.append(c);
      }
    }
    parts.add(part.toString());
    return parts;
  }

  /** PostgreSQL's folding: unquoted names to lower case, quoted ones as written. */
  static String identifier(String written) {
    if (written.length() >= 2 && written.startsWith("\"") && written.endsWith("\"")) {
      return written.substring(1, written.length() - 1).replace("\"\"", "\"");
    }
    return written.toLowerCase();
  }

  /** The statement's own text for a node, spaces included (getText() drops them). */
  private static String text(ParserRuleContext node) {
    return node.getStart().getInputStream().getText(Interval.of(node.getStart().getStartIndex(),
        node.getStop().getStopIndex()));
  }

  private static <T extends ParserRuleContext> List<T> descendants(ParserRuleContext node, Class<T> type) {
    List<T> found = new ArrayList<>();
    collect(node, type, found);
    return found;
  }

  private static <T extends ParserRuleContext> void collect(ParseTree node, Class<T> type, List<T> found) {
    if (type.isInstance(node)) {
      found.add(type.cast(node));
    }
    for (int i = 0; i < node.getChildCount(); i++) {
      collect(node.getChild(i), type, found);
    }
  }
}
