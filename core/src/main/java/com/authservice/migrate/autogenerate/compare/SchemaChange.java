package com.authservice.migrate.autogenerate.compare;

import com.authservice.migrate.autogenerate.schema.Column;
import com.authservice.migrate.autogenerate.schema.ForeignKey;
import com.authservice.migrate.autogenerate.schema.Index;
import com.authservice.migrate.autogenerate.schema.PrimaryKey;
import com.authservice.migrate.autogenerate.schema.Table;
import com.authservice.migrate.autogenerate.schema.UniqueConstraint;
import java.util.Optional;

/**
 * One difference between the models and the database, as data. Each change knows its inverse, so the
 * undo section is the reversed list of reversed changes. {@code phase} orders a script safely: foreign
 * keys go before the tables they point at are dropped, and are added after every table exists.
 */
public sealed interface SchemaChange {

  SchemaChange reverse();

  int phase();

  /** One line for the summary the console prints. */
  String summary();

  record CreateTable(Table table) implements SchemaChange {
    public SchemaChange reverse() { return new DropTable(table); }
    public int phase() { return 4; }
    public String summary() { return "add table " + table.name(); }
  }

  record DropTable(Table table) implements SchemaChange {
    public SchemaChange reverse() { return new CreateTable(table); }
    public int phase() { return 3; }
    public String summary() { return "remove table " + table.name(); }
  }

  record AddColumn(String table, Column column) implements SchemaChange {
    public SchemaChange reverse() { return new DropColumn(table, column); }
    public int phase() { return 5; }
    public String summary() { return "add column " + table + "." + column.name(); }
  }

  record DropColumn(String table, Column column) implements SchemaChange {
    public SchemaChange reverse() { return new AddColumn(table, column); }
    public int phase() { return 5; }
    public String summary() { return "remove column " + table + "." + column.name(); }
  }

  record AlterType(String table, String column, String from, String to) implements SchemaChange {
    public SchemaChange reverse() { return new AlterType(table, column, to, from); }
    public int phase() { return 5; }
    public String summary() { return "change type of " + table + "." + column + " from " + from + " to " + to; }
  }

  record AlterNullable(String table, String column, boolean nullable) implements SchemaChange {
    public SchemaChange reverse() { return new AlterNullable(table, column, !nullable); }
    public int phase() { return 5; }
    public String summary() { return table + "." + column + (nullable ? " becomes nullable" : " becomes NOT NULL"); }
  }

  record AlterDefault(String table, String column, Optional<String> from, Optional<String> to)
      implements SchemaChange {
    public SchemaChange reverse() { return new AlterDefault(table, column, to, from); }
    public int phase() { return 5; }
    public String summary() {
      return "server default of " + table + "." + column + ": " + from.orElse("none") + " -> " + to.orElse("none");
    }
  }

  /**
   * A column starts or stops being an identity. {@code from} and {@code to} are the column before and after,
   * because the default it loses or gains goes with it: a serial column's {@code nextval} default and its
   * sequence make way for the identity, and come back in the undo.
   */
  record AlterIdentity(String table, Column from, Column to) implements SchemaChange {
    public SchemaChange reverse() { return new AlterIdentity(table, to, from); }
    public int phase() { return 5; }
    public String summary() {
      return table + "." + to.name() + (to.identity() ? " becomes an identity" : " stops being an identity");
    }
  }

  record AddPrimaryKey(String table, PrimaryKey key) implements SchemaChange {
    public SchemaChange reverse() { return new DropPrimaryKey(table, key); }
    public int phase() { return 6; }
    public String summary() { return "add primary key " + key.name() + " on " + table + key.columns(); }
  }

  record DropPrimaryKey(String table, PrimaryKey key) implements SchemaChange {
    public SchemaChange reverse() { return new AddPrimaryKey(table, key); }
    public int phase() { return 2; }
    public String summary() { return "remove primary key " + key.name() + " of " + table; }
  }

  record AddUnique(String table, UniqueConstraint unique) implements SchemaChange {
    public SchemaChange reverse() { return new DropUnique(table, unique); }
    public int phase() { return 6; }
    public String summary() { return "add unique constraint " + unique.name() + " on " + table + unique.columns(); }
  }

  record DropUnique(String table, UniqueConstraint unique) implements SchemaChange {
    public SchemaChange reverse() { return new AddUnique(table, unique); }
    public int phase() { return 2; }
    public String summary() { return "remove unique constraint " + unique.name() + " of " + table; }
  }

  record CreateIndex(String table, Index index) implements SchemaChange {
    public SchemaChange reverse() { return new DropIndex(table, index); }
    public int phase() { return 6; }
    public String summary() { return "add index " + index.name() + " on " + table + index.columns(); }
  }

  record DropIndex(String table, Index index) implements SchemaChange {
    public SchemaChange reverse() { return new CreateIndex(table, index); }
    public int phase() { return 2; }
    public String summary() { return "remove index " + index.name() + " of " + table; }
  }

  record AddForeignKey(String table, ForeignKey key) implements SchemaChange {
    public SchemaChange reverse() { return new DropForeignKey(table, key); }
    public int phase() { return 7; }
    public String summary() {
      return "add foreign key " + key.name() + " " + table + key.columns() + " -> " + key.referencedTable()
          + key.referencedColumns() + " ON DELETE " + key.onDelete() + " ON UPDATE " + key.onUpdate();
    }
  }

  record DropForeignKey(String table, ForeignKey key) implements SchemaChange {
    public SchemaChange reverse() { return new AddForeignKey(table, key); }
    public int phase() { return 1; }
    public String summary() { return "remove foreign key " + key.name() + " of " + table; }
  }

  record SetTableComment(String table, Optional<String> from, Optional<String> to) implements SchemaChange {
    public SchemaChange reverse() { return new SetTableComment(table, to, from); }
    public int phase() { return 8; }
    public String summary() { return "comment on table " + table + ": " + to.orElse("(none)"); }
  }

  record SetColumnComment(String table, String column, Optional<String> from, Optional<String> to)
      implements SchemaChange {
    public SchemaChange reverse() { return new SetColumnComment(table, column, to, from); }
    public int phase() { return 8; }
    public String summary() { return "comment on column " + table + "." + column + ": " + to.orElse("(none)"); }
  }
}
