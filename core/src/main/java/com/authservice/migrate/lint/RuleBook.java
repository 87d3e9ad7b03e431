package com.authservice.migrate.lint;

import com.authservice.migrate.lint.Change.AddColumn;
import com.authservice.migrate.lint.Change.AddConstraint;
import com.authservice.migrate.lint.Change.AlterColumnType;
import com.authservice.migrate.lint.Change.ConstraintKind;
import com.authservice.migrate.lint.Change.CreateIndex;
import com.authservice.migrate.lint.Change.DropColumn;
import com.authservice.migrate.lint.Change.DropIndex;
import com.authservice.migrate.lint.Change.DropTable;
import com.authservice.migrate.lint.Change.RenameColumn;
import com.authservice.migrate.lint.Change.RenameTable;
import com.authservice.migrate.lint.Change.SetNotNull;
import com.authservice.migrate.lint.Change.TransactionControl;
import com.authservice.migrate.lint.Change.ValidateConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which rules a change breaks, given what the script did before it and what is known of the schema. */
final class RuleBook {

  /** A rule broken, and what it is about ({@code users.age}). */
  record Hit(Rule rule, String subject) {
  }

  private final Knowledge knowledge;
  private final String schema;

  RuleBook(Knowledge knowledge, String schema) {
    this.knowledge = knowledge;
    this.schema = schema;
  }

  List<Hit> check(Change change, ScriptState script) {
    List<Hit> hits = new ArrayList<>();
    if (change instanceof AddColumn add && script.isExisting(add.table())) {
      addColumn(add, hits);
    } else if (change instanceof AlterColumnType alter && script.isExisting(alter.table())) {
      Optional<ColumnType> now = knowledge.columnType(alter.table(), alter.column());
      if (alter.using() || now.isEmpty() || !now.get().changesWithoutRewriteTo(alter.type())) {
        hits.add(new Hit(Rule.CHANGING_COLUMN_TYPE, name(alter.table(), alter.column())
            + now.map(type -> " " + type).orElse("") + " to " + alter.type()));
      }
    } else if (change instanceof SetNotNull set && script.isExisting(set.table())
        && !knowledge.hasValidatedNotNullCheck(set.table(), set.column())) {
      hits.add(new Hit(Rule.SETTING_NOT_NULL, name(set.table(), set.column())));
    } else if (change instanceof AddConstraint add && script.isExisting(add.table())) {
      addConstraint(add, hits);
    } else if (change instanceof ValidateConstraint validate && script.transactional()
        && script.addedNotValid(validate.table(), validate.name())) {
      hits.add(new Hit(Rule.CONSTRAINT_MISSING_NOT_VALID, name(validate.table(), validate.name())
          + " validated in the same transaction that added it, which still holds its lock"));
    } else if (change instanceof CreateIndex create) {
      if (create.concurrently() && script.transactional()) {
        hits.add(new Hit(Rule.BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION, create.index().orElse("index")
            + " on " + name(create.table())));
      } else if (!create.concurrently() && script.isExisting(create.table())) {
        hits.add(new Hit(Rule.REQUIRE_CONCURRENT_INDEX_CREATION, create.index().map(this::name).orElse("index")
            + " on " + name(create.table())));
      }
    } else if (change instanceof DropIndex drop) {
      String indexes = String.join(", ", drop.indexes().stream().map(this::name).toList());
      if (drop.concurrently() && script.transactional()) {
        hits.add(new Hit(Rule.BAN_CONCURRENT_INDEX_CREATION_IN_TRANSACTION, indexes));
      } else if (!drop.concurrently() && !drop.indexes().stream().allMatch(script::createdIndex)) {
        hits.add(new Hit(Rule.REQUIRE_CONCURRENT_INDEX_DELETION, indexes));
      }
    } else if (change instanceof RenameColumn rename && script.isExisting(rename.table())) {
      hits.add(new Hit(Rule.RENAMING_COLUMN, name(rename.table(), rename.from()) + " to " + rename.to()));
    } else if (change instanceof RenameTable rename && script.isExisting(rename.table())) {
      hits.add(new Hit(Rule.RENAMING_TABLE, name(rename.table()) + " to " + rename.to()));
    } else if (change instanceof DropColumn drop && script.isExisting(drop.table())) {
      hits.add(new Hit(Rule.BAN_DROP_COLUMN, name(drop.table(), drop.column())));
    } else if (change instanceof DropTable drop) {
      drop.tables().stream().filter(script::isExisting).forEach(t -> hits.add(new Hit(Rule.BAN_DROP_TABLE, name(t))));
    } else if (change instanceof TransactionControl control && script.wrapped()) {
      hits.add(new Hit(Rule.TRANSACTION_NESTING, control.keyword()));
    }
    return hits;
  }

  private void addColumn(AddColumn add, List<Hit> hits) {
    String column = name(add.table(), add.column());
    if (add.primaryKey()) {
      hits.add(new Hit(Rule.ADDING_SERIAL_PRIMARY_KEY_FIELD, column));
    } else if (add.unique()) {
      hits.add(new Hit(Rule.DISALLOWED_UNIQUE_CONSTRAINT, column));
    }
    Optional<String> volatileCall = add.defaultCalls().stream().filter(knowledge::isVolatile).findFirst();
    if (add.generated()) {
      hits.add(new Hit(Rule.ADDING_FIELD_WITH_VOLATILE_DEFAULT, column + " (identity: a value per row)"));
    } else if (volatileCall.isPresent()) {
      hits.add(new Hit(Rule.ADDING_FIELD_WITH_VOLATILE_DEFAULT, column + " (" + volatileCall.get()
          + "() is volatile)"));
    }
    if (add.notNull() && !add.hasDefault() && !add.generated()) {
      hits.add(new Hit(Rule.ADDING_REQUIRED_FIELD, column));
    }
  }

  private void addConstraint(AddConstraint add, List<Hit> hits) {
    String subject = add.name().map(n -> name(add.table(), n)).orElse(name(add.table()));
    boolean scansRows = add.kind() == ConstraintKind.CHECK || add.kind() == ConstraintKind.FOREIGN_KEY;
    if (scansRows && !add.notValid()) {
      hits.add(new Hit(Rule.CONSTRAINT_MISSING_NOT_VALID, subject));
    } else if (add.kind() == ConstraintKind.UNIQUE && !add.usingIndex()) {
      hits.add(new Hit(Rule.DISALLOWED_UNIQUE_CONSTRAINT, subject));
    } else if (add.kind() == ConstraintKind.PRIMARY_KEY && !add.usingIndex()) {
      hits.add(new Hit(Rule.ADDING_SERIAL_PRIMARY_KEY_FIELD, subject));
    }
  }

  /** {@code users} for a table of the default schema, {@code app.users} for another. */
  private String name(String qualified) {
    return qualified.startsWith(schema + ".") ? qualified.substring(schema.length() + 1) : qualified;
  }

  private String name(String table, String part) {
    return name(table) + "." + part;
  }
}
