package com.authservice.migrate.autogenerate.render;

import static com.authservice.migrate.autogenerate.render.Identifiers.quote;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import com.authservice.migrate.autogenerate.schema.Column;
import com.authservice.migrate.autogenerate.schema.ForeignKey;
import com.authservice.migrate.autogenerate.schema.Table;
import com.authservice.migrate.lint.TypeChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes PostgreSQL DDL for a list of changes, one statement (or a few) per change, in the given order.
 * Names are quoted where PostgreSQL needs it ({@link Identifiers}).
 */
public final class PostgresDdlRenderer {

  /** A serial column's default: {@code nextval('<sequence>'::regclass)}, the sequence as SQL names it. */
  private static final Pattern SERIAL_DEFAULT = Pattern.compile("nextval\\('((?:[^']|'')+)'::regclass\\)");
  private static final Set<String> SEQUENCE_TYPES = Set.of("smallint", "integer", "bigint");

  public String render(List<SchemaChange> changes) {
    StringBuilder sql = new StringBuilder();
    for (SchemaChange change : changes) {
      for (String statement : statements(change)) {
        sql.append(statement).append(";\n");
      }
    }
    return sql.toString();
  }

  List<String> statements(SchemaChange change) {
    if (change instanceof SchemaChange.CreateTable create) {
      return createTable(create.table());
    }
    if (change instanceof SchemaChange.DropTable drop) {
      return List.of("DROP TABLE " + quote(drop.table().name()));
    }
    if (change instanceof SchemaChange.AddColumn add) {
      List<String> statements = new ArrayList<>();
      statements.add("ALTER TABLE " + quote(add.table()) + " ADD COLUMN " + columnDefinition(add.column()));
      add.column().comment().ifPresent(c -> statements.add(columnComment(add.table(), add.column().name(), Optional.of(c))));
      return statements;
    }
    if (change instanceof SchemaChange.DropColumn drop) {
      return List.of("ALTER TABLE " + quote(drop.table()) + " DROP COLUMN " + quote(drop.column().name()));
    }
    if (change instanceof SchemaChange.AlterType alter) {
      // A widening made in place says so by having no USING, which lint would read as a rewrite.
      return List.of(alterColumn(alter.table(), alter.column()) + " TYPE " + alter.to()
          + (TypeChange.withoutRewrite(alter.from(), alter.to()) ? "" : " USING " + quote(alter.column()) + "::"
          + alter.to()));
    }
    if (change instanceof SchemaChange.AlterNullable alter) {
      return List.of(alterColumn(alter.table(), alter.column()) + (alter.nullable() ? " DROP NOT NULL" : " SET NOT NULL"));
    }
    if (change instanceof SchemaChange.AlterDefault alter) {
      return List.of(alterColumn(alter.table(), alter.column())
          + alter.to().map(value -> " SET DEFAULT " + value).orElse(" DROP DEFAULT"));
    }
    if (change instanceof SchemaChange.AlterIdentity alter) {
      return alter.to().identity() ? becomeIdentity(alter.table(), alter.from()) : stopIdentity(alter.table(), alter.to());
    }
    if (change instanceof SchemaChange.AddPrimaryKey add) {
      return List.of("ALTER TABLE " + quote(add.table()) + " ADD CONSTRAINT " + quote(add.key().name()) + " PRIMARY KEY ("
          + names(add.key().columns()) + ")");
    }
    if (change instanceof SchemaChange.DropPrimaryKey drop) {
      return List.of(dropConstraint(drop.table(), drop.key().name()));
    }
    if (change instanceof SchemaChange.AddUnique add) {
      return List.of("ALTER TABLE " + quote(add.table()) + " ADD CONSTRAINT " + quote(add.unique().name()) + " UNIQUE ("
          + names(add.unique().columns()) + ")");
    }
    if (change instanceof SchemaChange.DropUnique drop) {
      return List.of(dropConstraint(drop.table(), drop.unique().name()));
    }
    if (change instanceof SchemaChange.CreateIndex create) {
      return List.of(createIndex(create, false));
    }
    if (change instanceof SchemaChange.DropIndex drop) {
      return List.of("DROP INDEX " + quote(drop.index().name()));
    }
    if (change instanceof SchemaChange.AddForeignKey add) {
      return List.of("ALTER TABLE " + quote(add.table()) + " ADD " + foreignKey(add.key()));
    }
    if (change instanceof SchemaChange.DropForeignKey drop) {
      return List.of(dropConstraint(drop.table(), drop.key().name()));
    }
    if (change instanceof SchemaChange.SetTableComment comment) {
      return List.of("COMMENT ON TABLE " + quote(comment.table()) + " IS " + literal(comment.to()));
    }
    if (change instanceof SchemaChange.SetColumnComment comment) {
      return List.of(columnComment(comment.table(), comment.column(), comment.to()));
    }
    throw new IllegalArgumentException("No DDL for " + change);
  }

  /** {@code CONCURRENTLY} builds it without blocking writes, outside a transaction ({@link OnlineDdl}). */
  static String createIndex(SchemaChange.CreateIndex create, boolean concurrently) {
    return "CREATE " + (create.index().unique() ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
        + quote(create.index().name()) + " ON " + quote(create.table()) + " (" + names(create.index().columns()) + ")";
  }

  private static List<String> createTable(Table table) {
    List<String> parts = new ArrayList<>();
    table.columns().forEach(column -> parts.add("    " + columnDefinition(column)));
    table.primaryKey().ifPresent(key -> parts.add("    CONSTRAINT " + quote(key.name()) + " PRIMARY KEY ("
        + names(key.columns()) + ")"));
    table.uniqueConstraints().forEach(unique -> parts.add("    CONSTRAINT " + quote(unique.name()) + " UNIQUE ("
        + names(unique.columns()) + ")"));
    List<String> statements = new ArrayList<>();
    statements.add("CREATE TABLE " + quote(table.name()) + " (\n" + String.join(",\n", parts) + "\n)");
    table.comment().ifPresent(comment -> statements.add("COMMENT ON TABLE " + quote(table.name()) + " IS "
        + literal(comment)));
    table.columns().stream().filter(column -> column.comment().isPresent())
        .forEach(column -> statements.add(columnComment(table.name(), column.name(), column.comment())));
    return statements;
  }

  /**
   * PostgreSQL refuses an identity on a column that has a default, so a serial column's default and
   * sequence go first; the identity's own sequence then continues after the highest id already used.
   */
  private static List<String> becomeIdentity(String table, Column before) {
    List<String> statements = new ArrayList<>();
    if (before.defaultValue().isPresent()) {
      statements.add(alterColumn(table, before.name()) + " DROP DEFAULT");
      serialSequence(before).ifPresent(sequence -> statements.add("DROP SEQUENCE " + sequence));
    }
    statements.add(alterColumn(table, before.name()) + " ADD GENERATED BY DEFAULT AS IDENTITY");
    statements.add(continueAfterHighest(table, before.name()));
    return statements;
  }

  /** The reverse: the column gets back its default, and a serial column its sequence, owned by the column. */
  private static List<String> stopIdentity(String table, Column after) {
    List<String> statements = new ArrayList<>();
    statements.add(alterColumn(table, after.name()) + " DROP IDENTITY");
    Optional<String> sequence = serialSequence(after);
    sequence.ifPresent(name -> statements.add("CREATE SEQUENCE " + name
        + (SEQUENCE_TYPES.contains(after.type()) ? " AS " + after.type() : "")
        + " OWNED BY " + quote(table) + "." + quote(after.name())));
    after.defaultValue().ifPresent(value -> statements.add(alterColumn(table, after.name()) + " SET DEFAULT " + value));
    sequence.ifPresent(name -> statements.add(continueAfterHighest(table, after.name())));
    return statements;
  }

  private static Optional<String> serialSequence(Column column) {
    return column.defaultValue().map(SERIAL_DEFAULT::matcher).filter(Matcher::matches)
        .map(matcher -> matcher.group(1).replace("''", "'"));
  }

  private static String continueAfterHighest(String table, String column) {
    return "SELECT setval(pg_get_serial_sequence(" + literal(quote(table)) + ", " + literal(column)
        + "), coalesce(max(" + quote(column) + "), 0) + 1, false) FROM " + quote(table);
  }

  private static String columnDefinition(Column column) {
    return quote(column.name()) + " " + column.type()
        + (column.identity() ? " GENERATED BY DEFAULT AS IDENTITY" : "")
        + column.defaultValue().filter(value -> !column.identity()).map(value -> " DEFAULT " + value).orElse("")
        + (column.nullable() ? "" : " NOT NULL");
  }

  private static String foreignKey(ForeignKey key) {
    return "CONSTRAINT " + quote(key.name()) + " FOREIGN KEY (" + names(key.columns()) + ") REFERENCES "
        + quote(key.referencedTable()) + " (" + names(key.referencedColumns()) + ")"
        + (key.onDelete().equals("NO ACTION") ? "" : " ON DELETE " + key.onDelete())
        + (key.onUpdate().equals("NO ACTION") ? "" : " ON UPDATE " + key.onUpdate());
  }

  private static String dropConstraint(String table, String constraint) {
    return "ALTER TABLE " + quote(table) + " DROP CONSTRAINT " + quote(constraint);
  }

  private static String alterColumn(String table, String column) {
    return "ALTER TABLE " + quote(table) + " ALTER COLUMN " + quote(column);
  }

  private static String columnComment(String table, String column, Optional<String> comment) {
    return "COMMENT ON COLUMN " + quote(table) + "." + quote(column) + " IS " + literal(comment);
  }

  private static String names(List<String> names) {
    return String.join(", ", names.stream().map(Identifiers::quote).toList());
  }

  private static String literal(Optional<String> text) {
    return text.map(PostgresDdlRenderer::literal).orElse("NULL");
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
