package com.authservice.migrate.autogenerate.model;

import com.authservice.migrate.autogenerate.schema.Column;
import com.authservice.migrate.autogenerate.schema.ForeignKey;
import com.authservice.migrate.autogenerate.schema.Index;
import com.authservice.migrate.autogenerate.schema.PrimaryKey;
import com.authservice.migrate.autogenerate.schema.Schema;
import com.authservice.migrate.autogenerate.schema.SqlTypes;
import com.authservice.migrate.autogenerate.schema.Table;
import com.authservice.migrate.autogenerate.schema.UniqueConstraint;
import com.authservice.migrate.errors.InvalidArgument;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Transient;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the schema that Jakarta Persistence annotations describe: {@code @Table} (name, unique constraints,
 * indexes, comment), {@code @Column} (name, length, precision, scale, nullable, unique, columnDefinition,
 * {@code options = "DEFAULT ..."}, comment), {@code @Id} with {@code @GeneratedValue(IDENTITY)}, and
 * {@code @ManyToOne}/{@code @OneToOne} with {@code @JoinColumn} whose {@code @ForeignKey(foreignKeyDefinition)}
 * may carry ON DELETE and ON UPDATE. Fields of {@code @MappedSuperclass} ancestors are the entity's too.
 */
public final class ModelReader {

  /** Java types whose SQL type needs nothing from {@code @Column}. */
  private static final Map<Class<?>, String> FIXED_TYPES = Map.ofEntries(
      Map.entry(Long.class, "bigint"), Map.entry(long.class, "bigint"),
      Map.entry(Integer.class, "integer"), Map.entry(int.class, "integer"),
      Map.entry(Short.class, "smallint"), Map.entry(short.class, "smallint"),
      Map.entry(Boolean.class, "boolean"), Map.entry(boolean.class, "boolean"),
      Map.entry(Double.class, "double precision"), Map.entry(double.class, "double precision"),
      Map.entry(Float.class, "real"), Map.entry(float.class, "real"),
      Map.entry(java.time.OffsetDateTime.class, "timestamp with time zone"),
      Map.entry(java.time.Instant.class, "timestamp with time zone"),
      Map.entry(java.time.ZonedDateTime.class, "timestamp with time zone"),
      Map.entry(java.time.LocalDateTime.class, "timestamp without time zone"),
      Map.entry(java.time.LocalDate.class, "date"),
      Map.entry(java.time.LocalTime.class, "time without time zone"),
      Map.entry(java.util.UUID.class, "uuid"),
      Map.entry(byte[].class, "bytea"));

  private static final Pattern DEFAULT_OPTION = Pattern.compile("(?is)\\bDEFAULT\\s+(.+?)\\s*$");
  private static final Pattern ON_DELETE = Pattern.compile(
      "(?i)ON\\s+DELETE\\s+(CASCADE|RESTRICT|NO\\s+ACTION|SET\\s+NULL|SET\\s+DEFAULT)");
  private static final Pattern ON_UPDATE = Pattern.compile(
      "(?i)ON\\s+UPDATE\\s+(CASCADE|RESTRICT|NO\\s+ACTION|SET\\s+NULL|SET\\s+DEFAULT)");

  private ModelReader() {
  }

  public static Schema read(List<Class<?>> models) {
    List<Table> tables = new ArrayList<>();
    for (Class<?> model : models) {
      if (!model.isAnnotationPresent(Entity.class)) {
        throw new InvalidArgument(model.getName() + " is not an @Entity; models must be Jakarta Persistence entities");
      }
      tables.add(table(model, models));
    }
    return Schema.of(tables);
  }

  static String tableName(Class<?> model) {
    jakarta.persistence.Table table = model.getAnnotation(jakarta.persistence.Table.class);
    return table != null && !table.name().isEmpty() ? sqlName(table.name()) : snake(model.getSimpleName());
  }

  private static Table table(Class<?> model, List<Class<?>> models) {
    String name = tableName(model);
    jakarta.persistence.Table annotation = model.getAnnotation(jakarta.persistence.Table.class);
    List<Column> columns = new ArrayList<>();
    List<String> keyColumns = new ArrayList<>();
    List<UniqueConstraint> uniques = new ArrayList<>();
    List<ForeignKey> foreignKeys = new ArrayList<>();
    for (Field field : fields(model)) {
      Column column = field.isAnnotationPresent(JoinColumn.class) || isRelation(field)
          ? joinColumn(name, field, models, foreignKeys) : column(field);
      columns.add(column);
      if (field.isAnnotationPresent(Id.class)) {
        keyColumns.add(column.name());
      }
      jakarta.persistence.Column plain = field.getAnnotation(jakarta.persistence.Column.class);
      if (plain != null && plain.unique()) {
        uniques.add(new UniqueConstraint(name + "_" + column.name() + "_key", List.of(column.name())));
      }
    }
    List<Index> indexes = new ArrayList<>();
    if (annotation != null) {
      for (jakarta.persistence.UniqueConstraint unique : annotation.uniqueConstraints()) {
        List<String> uniqueColumns = Arrays.stream(unique.columnNames()).map(ModelReader::sqlName).toList();
        uniques.add(new UniqueConstraint(unique.name().isEmpty()
            ? name + "_" + String.join("_", uniqueColumns) + "_key" : sqlName(unique.name()), uniqueColumns));
      }
      for (jakarta.persistence.Index index : annotation.indexes()) {
        List<String> indexColumns = Arrays.stream(index.columnList().split(",")).map(ModelReader::sqlName).toList();
        indexes.add(new Index(index.name().isEmpty() ? "ix_" + name + "_" + String.join("_", indexColumns)
            : sqlName(index.name()), indexColumns, index.unique()));
      }
    }
    Optional<PrimaryKey> primaryKey = keyColumns.isEmpty() ? Optional.empty()
        : Optional.of(new PrimaryKey(name + "_pkey", keyColumns));
    return new Table(name, columns, primaryKey, uniques, indexes, foreignKeys,
        annotation == null || annotation.comment().isEmpty() ? Optional.empty() : Optional.of(annotation.comment()));
  }

  private static Column column(Field field) {
    jakarta.persistence.Column annotation = field.getAnnotation(jakarta.persistence.Column.class);
    String name = annotation != null && !annotation.name().isEmpty() ? sqlName(annotation.name()) : snake(field.getName());
    boolean id = field.isAnnotationPresent(Id.class);
    boolean nullable = !id && (annotation == null || annotation.nullable()) && !field.getType().isPrimitive();
    GeneratedValue generated = field.getAnnotation(GeneratedValue.class);
    boolean identity = generated != null && (generated.strategy() == GenerationType.IDENTITY
        || generated.strategy() == GenerationType.AUTO);
    return new Column(name, type(field, annotation), nullable, defaultOf(annotation), identity,
        annotation == null || annotation.comment().isEmpty() ? Optional.empty() : Optional.of(annotation.comment()));
  }

  private static Column joinColumn(String table, Field field, List<Class<?>> models, List<ForeignKey> foreignKeys) {
    JoinColumn join = field.getAnnotation(JoinColumn.class);
    Class<?> target = field.getType();
    Field targetId = fields(target).stream().filter(f -> f.isAnnotationPresent(Id.class)).findFirst()
        .orElseThrow(() -> new InvalidArgument(target.getName() + " has no @Id, so " + field + " cannot refer to it"));
    Column targetColumn = column(targetId);
    String name = join != null && !join.name().isEmpty() ? sqlName(join.name())
        : snake(field.getName()) + "_" + targetColumn.name();
    boolean optional = optional(field);
    boolean nullable = (join == null || join.nullable()) && optional;
    String definition = join == null ? "" : join.foreignKey().foreignKeyDefinition();
    String fkName = join != null && !join.foreignKey().name().isEmpty() ? sqlName(join.foreignKey().name())
        : table + "_" + name + "_fkey";
    if (!models.contains(target)) {
      throw new InvalidArgument(field + " refers to " + target.getName() + ", which is not in the model set");
    }
    foreignKeys.add(new ForeignKey(fkName, List.of(name), tableName(target), List.of(targetColumn.name()),
        rule(ON_DELETE, definition), rule(ON_UPDATE, definition)));
    String type = targetColumn.type();
    return new Column(name, type, nullable, Optional.empty(), false,
        join == null || join.comment().isEmpty() ? Optional.empty() : Optional.of(join.comment()));
  }

  private static String type(Field field, jakarta.persistence.Column annotation) {
    if (annotation != null && !annotation.columnDefinition().isEmpty()) {
      return SqlTypes.canonical(annotation.columnDefinition().replaceAll("(?i)\\s+(not\\s+)?null.*$", ""));
    }
    Class<?> type = field.getType();
    int length = annotation == null ? 255 : annotation.length();
    if (type == String.class) {
      return "character varying(" + length + ")";
    }
    if (type == java.math.BigDecimal.class) {
      // @Column's precision and scale of 0 mean "not given": a bare @Column gives what no @Column gives.
      boolean sized = annotation != null && annotation.precision() > 0;
      int precision = sized ? annotation.precision() : 19;
      int scale = sized || annotation != null && annotation.scale() > 0 ? annotation.scale() : 2;
      return "numeric(" + precision + "," + scale + ")";
    }
    String fixed = FIXED_TYPES.get(type);
    if (fixed != null) {
      return fixed;
    }
    throw new InvalidArgument("No SQL type for " + field + "; give it @Column(columnDefinition = \"...\")");
  }

  private static Optional<String> defaultOf(jakarta.persistence.Column annotation) {
    if (annotation == null) {
      return Optional.empty();
    }
    Matcher matcher = DEFAULT_OPTION.matcher(annotation.options());
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  private static String rule(Pattern pattern, String definition) {
    Matcher matcher = pattern.matcher(definition);
    return matcher.find() ? matcher.group(1).toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ") : "NO ACTION";
  }

  private static boolean isRelation(Field field) {
    return field.isAnnotationPresent(ManyToOne.class) || field.isAnnotationPresent(OneToOne.class);
  }

  private static boolean optional(Field field) {
    ManyToOne manyToOne = field.getAnnotation(ManyToOne.class);
    OneToOne oneToOne = field.getAnnotation(OneToOne.class);
    return (manyToOne == null || manyToOne.optional()) && (oneToOne == null || oneToOne.optional());
  }

  /** The entity's persistent fields, those of its {@code @MappedSuperclass} ancestors first (they map to its table). */
  private static List<Field> fields(Class<?> model) {
    List<Field> fields = new ArrayList<>(declaredFields(model));
    for (Class<?> type = model.getSuperclass(); type != null && type.isAnnotationPresent(MappedSuperclass.class);
        type = type.getSuperclass()) {
      fields.addAll(0, declaredFields(type));
    }
    return fields;
  }

  private static List<Field> declaredFields(Class<?> type) {
    return Arrays.stream(type.getDeclaredFields())
        .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers()))
        .filter(f -> !f.isAnnotationPresent(Transient.class))
        // The owning side's join column is the schema; collections on the other side add nothing.
        .filter(f -> !f.isAnnotationPresent(jakarta.persistence.OneToMany.class)
            && !f.isAnnotationPresent(jakarta.persistence.ManyToMany.class))
        .filter(f -> !f.isSynthetic())
        .toList();
  }

  /**
   * A name as Jakarta Persistence hands it to PostgreSQL: delimited ({@code "\"Name\""} or {@code "`Name`"}) it is
   * kept exactly; otherwise it reaches SQL unquoted, where PostgreSQL folds it to lower case.
   */
  static String sqlName(String name) {
    String stripped = name.strip();
    if (stripped.length() > 1 && stripped.startsWith("\"") && stripped.endsWith("\"")) {
      return stripped.substring(1, stripped.length() - 1).replace("\"\"", "\"");
    }
    if (stripped.length() > 1 && stripped.startsWith("`") && stripped.endsWith("`")) {
      return stripped.substring(1, stripped.length() - 1);
    }
    return stripped.toLowerCase(java.util.Locale.ROOT);
  }

  static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
