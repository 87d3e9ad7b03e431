package com.authservice.migrate.autogenerate.inspect;

import com.authservice.migrate.autogenerate.compare.SchemaDiff;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Compares server defaults the way Alembic does on PostgreSQL: by asking the server. {@code 0} and
 * {@code '0'::numeric}, {@code true} and {@code 'true'::boolean}, {@code now()} and {@code CURRENT_TIMESTAMP}
 * are the same default although their text differs. Volatile expressions (nextval, random) are compared
 * as text, since evaluating them would change state or differ every time.
 */
public final class ServerDefaults implements SchemaDiff.DefaultsEqual {

  private static final Pattern VOLATILE = Pattern.compile("(?i)nextval|random|uuid|clock_timestamp|setval");

  private final Connection connection;

  public ServerDefaults(Connection connection) {
    this.connection = connection;
  }

  @Override
  public boolean test(String type, String modelDefault, String databaseDefault) {
    if (VOLATILE.matcher(modelDefault).find() || VOLATILE.matcher(databaseDefault).find()) {
      return normalised(modelDefault).equals(normalised(databaseDefault));
    }
    String sql = "select (" + modelDefault + ")::" + type + " is not distinct from (" + databaseDefault + ")::" + type;
    boolean autoCommit = true;
    Savepoint savepoint = null;
    try {
      autoCommit = connection.getAutoCommit();
      if (!autoCommit) {
        savepoint = connection.setSavepoint();
      }
      try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(sql)) {
        row.next();
        return row.getBoolean(1);
      }
    } catch (SQLException notComparable) {
      rollbackTo(savepoint);
      return normalised(modelDefault).equals(normalised(databaseDefault));
    }
  }

  private void rollbackTo(Savepoint savepoint) {
    if (savepoint != null) {
      try {
        connection.rollback(savepoint);
      } catch (SQLException ignored) {
        // Nothing was changed; the comparison falls back to text.
      }
    }
  }

  private static String normalised(String expression) {
    return expression.toLowerCase(Locale.ROOT).replaceAll("::[a-z ]+(\\([0-9, ]+\\))?", "").replaceAll("\\s+", "")
        .replace("'", "");
  }
}
