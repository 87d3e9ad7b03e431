package com.authservice.migrate.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** A user's test class with the annotation: its database is at head before the first test runs. */
@MigratedPostgres(location = "classpath:db/migrations")
class MigratedPostgresTest {

  @Test
  void tablesAreAtHeadBeforeTheFirstTest(DataSource dataSource) throws SQLException {
    assertThat(query(dataSource, """
        select table_name from information_schema.tables where table_schema = 'public' order by 1"""))
        .containsExactly("accounts", "changelog", "sessions");
  }

  @Test
  void changelogRecordsEveryMigrationAsTheMyBatisCliWould(MigratedDatabase database) throws SQLException {
    assertThat(query(database.dataSource(), "select id || '|' || description from changelog order by id"))
        .containsExactly("20251101000000|create accounts", "20251102000000|create sessions");
  }

  @Test
  void jdbcUrlAndSpringPropertiesNameTheSameDatabase(@JdbcUrl String url, MigratedDatabase database) {
    assertThat(url).startsWith("jdbc:postgresql://").endsWith("/" + database.settings().database());
    assertThat(database.springProperties()).containsEntry("spring.datasource.url", url);
  }

  private static List<String> query(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rows.next()) {
        values.add(rows.getString(1));
      }
      return values;
    }
  }
}
