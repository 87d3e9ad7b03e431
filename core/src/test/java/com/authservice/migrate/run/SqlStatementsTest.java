package com.authservice.migrate.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.run.SqlStatements.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {

  @Test
  void splitsAtTopLevelSemicolonsAndNumbersEachStatementsFirstLine() {
    List<Statement> statements = SqlStatements.split("""
        -- a comment; not a statement
        create table a (id int);

        insert into a
          values (1);
        """);

    assertThat(statements).containsExactly(
        new Statement("create table a (id int)", 2),
        new Statement("insert into a\n  values (1)", 4));
  }

  @Test
  void keepsDollarQuotedFunctionBodiesWhole() {
    String function = """
        create function touch() returns trigger as $$
        begin
          new.updated_at = now();
          return new;
        end;
        $$ language plpgsql""";

    List<Statement> statements = SqlStatements.split(function + ";\nselect 1;");

    assertThat(statements).extracting(Statement::sql).containsExactly(function, "select 1");
    assertThat(statements.get(1).line()).isEqualTo(7);
  }

  @Test
  void keepsTaggedDollarQuotesThatContainPlainDollarQuotes() {
    String body = "do $outer$ begin execute $$select ';'$$; end $outer$";

    assertThat(SqlStatements.split(body + "; select 2")).extracting(Statement::sql)
        .containsExactly(body, "select 2");
  }

  @Test
  void ignoresSemicolonsInStringsIdentifiersAndComments() {
    String sql = "insert into \"odd;name\" values ('a;b', E'c\\';d') /* x; /* nested; */ y; */";

    assertThat(SqlStatements.split(sql + ";")).extracting(Statement::sql).containsExactly(sql);
  }

  @Test
  void positionalParametersAreNotDollarQuotes() {
    assertThat(SqlStatements.split("prepare p as select $1; select 3")).extracting(Statement::sql)
        .containsExactly("prepare p as select $1", "select 3");
  }

  @Test
  void aScriptOfOnlyCommentsHasNoStatements() {
    assertThat(SqlStatements.split("-- nothing here\n/* or here */\n")).isEmpty();
  }

  @Test
  void numbersLinesFromTheGivenFirstLine() {
    assertThat(SqlStatements.split("\n\ndrop table a;", 10)).containsExactly(new Statement("drop table a", 12));
  }
}
