package com.authservice.migrate.drift;

import com.authservice.migrate.snapshot.SchemaObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table a snapshot's object belongs to, so that tables left alone ({@code exclude_tables}, Alembic's
 * {@code alembic_version}) take their columns, keys, indexes, triggers and comments with them. A snapshot names
 * columns, constraints and triggers {@code table.name}; an index or an owned sequence names its table only in
 * its definition, where it may be qualified with its schema.
 */
final class ObjectTable {

  /** A name as PostgreSQL prints it: plain, or in double quotes with doubled quotes inside; dots join parts. */
  private static final String NAME = "(?:\"(?:[^\"]|\"\")+\"|[^ .\"(;]+)";
  private static final String QUALIFIED = "(" + NAME + "(?:\\." + NAME + ")*)";
  private static final Pattern INDEX_ON = Pattern.compile(" ON (?:ONLY )?" + QUALIFIED + " USING ");
  private static final Pattern OWNED_BY = Pattern.compile(" OWNED BY " + QUALIFIED);
  private static final Pattern COMMENT_ON = Pattern.compile("(?:TABLE|COLUMN) " + QUALIFIED
      + "|(?:CONSTRAINT|TRIGGER) .* ON " + QUALIFIED);
  private static final Pattern PART = Pattern.compile(NAME);

  private ObjectTable() {
  }

  static Optional<String> of(SchemaObject object) {
    return switch (object.kind()) {
      case TABLE -> Optional.of(object.name());
      case COLUMN, CONSTRAINT, TRIGGER -> Optional.of(object.name().substring(0, object.name().indexOf('.')));
      case INDEX -> found(INDEX_ON.matcher(object.definition()), 0);
      // schema.table.column or table.column: the table is the part before the column.
      case SEQUENCE -> found(OWNED_BY.matcher(object.definition()), 1);
      case COMMENT -> commented(object.name());
      default -> Optional.empty();
    };
  }

  private static Optional<String> commented(String name) {
    Matcher matcher = COMMENT_ON.matcher(name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    boolean column = name.startsWith("COLUMN ");
    return last(matcher.group(1) != null ? matcher.group(1) : matcher.group(2), column ? 1 : 0);
  }

  /** The part {@code fromEnd} places before the last of the first qualified name {@code matcher} finds. */
  private static Optional<String> found(Matcher matcher, int fromEnd) {
    return matcher.find() ? last(matcher.group(1), fromEnd) : Optional.empty();
  }

  private static Optional<String> last(String qualified, int fromEnd) {
    List<String> parts = new ArrayList<>();
    Matcher part = PART.matcher(qualified);
    while (part.find()) {
      String name = part.group();
      parts.add(name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name);
    }
    int index = parts.size() - 1 - fromEnd;
    return index < 0 ? Optional.empty() : Optional.of(parts.get(index));
  }
}
