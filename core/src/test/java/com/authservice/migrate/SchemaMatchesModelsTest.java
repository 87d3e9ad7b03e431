package com.authservice.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.domain.AuthModels;
import com.authservice.migrate.result.RunListener;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import jakarta.persistence.Column;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The repository's scripts at head build exactly the schema the auth-domain models describe, column
 * by column: read from the annotations on one side and from information_schema on the other.
 */
@ExtendWith(PostgresExtension.class)
class SchemaMatchesModelsTest {

  private static final Pattern ON_DELETE = Pattern.compile("ON DELETE (CASCADE|SET NULL|RESTRICT|NO ACTION)");

  @Test
  void everyModelColumnExistsWithItsTypeNullabilityAndDefault(TestDatabase db) {
    migrateToHead(db);

    for (Class<?> model : AuthModels.ALL) {
      String table = model.getAnnotation(Table.class).name();
      List<String> expected = new ArrayList<>();
      for (Field field : model.getDeclaredFields()) {
        expected.add(describe(field));
      }
      List<String> actual = db.query("""
          select column_name || ' ' || data_type
                 || coalesce('(' || character_maximum_length || ')', '')
                 || case when data_type = 'numeric' then '(' || numeric_precision || ',' || numeric_scale || ')' else '' end
                 || case when is_nullable = 'NO' then ' not null' else '' end
                 || case when column_default is not null or is_identity = 'YES' then ' has default' else '' end
          from information_schema.columns where table_schema = 'public' and table_name = '%s'
          order by ordinal_position""".formatted(table));
      assertThat(actual).as(table).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void namedUniqueConstraintsIndexesAndForeignKeyRulesExist(TestDatabase db) {
    migrateToHead(db);

    for (Class<?> model : AuthModels.ALL) {
      Table table = model.getAnnotation(Table.class);
      for (UniqueConstraint unique : table.uniqueConstraints()) {
        assertThat(db.query("select string_agg(kcu.column_name, ',' order by kcu.ordinal_position) "
            + "from information_schema.table_constraints tc join information_schema.key_column_usage kcu "
            + "on kcu.constraint_name = tc.constraint_name where tc.constraint_type = 'UNIQUE' "
            + "and tc.constraint_name = '" + unique.name() + "'"))
            .containsExactly(String.join(",", unique.columnNames()));
      }
      for (Index index : table.indexes()) {
        assertThat(db.query("select indexdef from pg_indexes where indexname = '" + index.name() + "'"))
            .singleElement().asString().contains("(" + index.columnList() + ")");
      }
      for (Field field : model.getDeclaredFields()) {
        JoinColumn join = field.getAnnotation(JoinColumn.class);
        if (join != null) {
          Matcher rule = ON_DELETE.matcher(join.foreignKey().foreignKeyDefinition());
          assertThat(rule.find()).isTrue();
          assertThat(db.query("select delete_rule from information_schema.referential_constraints "
              + "where constraint_name = '" + join.foreignKey().name() + "'")).containsExactly(rule.group(1));
        }
      }
    }
  }

  private static void migrateToHead(TestDatabase db) {
    new Migrations(new MigrationConfig(db.settings(),
        com.authservice.migrate.mybatis.ScriptFolder.at(TestScripts.projectRepository())))
        .up(Target.head(), RunListener.NONE);
  }

  /** The column as information_schema would describe it, from the field's annotations. */
  private static String describe(Field field) {
    Column column = field.getAnnotation(Column.class);
    JoinColumn join = field.getAnnotation(JoinColumn.class);
    String name = column != null ? column.name() : join.name();
    boolean nullable = column != null ? column.nullable() : join.nullable();
    boolean hasDefault = column != null && (column.options().startsWith("DEFAULT")
        || field.isAnnotationPresent(jakarta.persistence.GeneratedValue.class));
    return name + " " + type(field, column) + (nullable ? "" : " not null") + (hasDefault ? " has default" : "");
  }

  private static String type(Field field, Column column) {
    Class<?> type = field.getType();
    if (column == null || type == Long.class) {
      return "bigint";
    }
    if (!column.columnDefinition().isEmpty()) {
      return column.columnDefinition();
    }
    if (type == String.class) {
      return "character varying(" + column.length() + ")";
    }
    if (type == Boolean.class) {
      return "boolean";
    }
    if (type == BigDecimal.class) {
      return "numeric(" + column.precision() + "," + column.scale() + ")";
    }
    if (type == java.time.OffsetDateTime.class) {
      return "timestamp with time zone";
    }
    throw new AssertionError("No expectation for " + type + " of " + field);
  }
}
