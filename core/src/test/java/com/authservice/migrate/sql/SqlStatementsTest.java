package com.authservice.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.sql.SqlStatements.Statement;
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

  private static List<String> sqlOf(String script) {
    return SqlStatements.split(script).stream().map(Statement::sql).toList();
  }

  @Test
  void semicolonsInsideParenthesesDoNotEndAStatement() {
    String rule = "CREATE RULE r AS ON INSERT TO t DO INSTEAD (NOTIFY a; NOTIFY b)";

    assertThat(sqlOf(rule + "; select 1")).containsExactly(rule, "select 1");
  }

  @Test
  void sqlStandardFunctionBodiesKeepTheirSemicolonsCaseEndIncluded() {
    String function = """
        CREATE OR REPLACE FUNCTION f(x int) RETURNS int LANGUAGE SQL
        BEGIN ATOMIC
          SELECT CASE WHEN x > 0 THEN 1 ELSE 0 END;
          SELECT x;
        END""";
    String procedure = "create procedure p() begin atomic insert into t values (1); insert into t values (2); end";

    assertThat(sqlOf(function + ";\n" + procedure + ";\nselect 2;")).containsExactly(function, procedure, "select 2");
  }

  @Test
  void beginOutsideARoutineIsATransactionNotABody() {
    assertThat(sqlOf("begin; create table t (a int); end; create function f() returns int as 'select 1' language sql;"
        + " select 1")).containsExactly("begin", "create table t (a int)", "end",
        "create function f() returns int as 'select 1' language sql", "select 1");
  }

  @Test
  void withStandardConformingStringsOffPlainStringsTakeBackslashEscapesFromTheNextLine() {
    String escaped = "insert into t values ('It\\'s done; really')";

    assertThat(sqlOf("SET LOCAL standard_conforming_strings = off;\n" + escaped + ";\nselect 1"))
        .containsExactly("SET LOCAL standard_conforming_strings = off", escaped, "select 1");
    assertThat(sqlOf("set standard_conforming_strings to 'off';\nreset standard_conforming_strings;\n"
        + "select 'a\\'; select 2")).containsExactly("set standard_conforming_strings to 'off'",
        "reset standard_conforming_strings", "select 'a\\'", "select 2");
  }

  @Test
  void escapeStringsContinuedOnTheNextLineKeepTheirEscapes() {
    String continued = "select E'a\\'b'\n  -- a comment\n  'c\\'d; e'";

    assertThat(sqlOf(continued + "; select 1")).containsExactly(continued, "select 1");
    assertThat(sqlOf("select 'a\\' 'b;c'")).containsExactly("select 'a\\' 'b;c'");
  }

  @Test
  void unicodeEscapeStringsAndIdentifiersAreQuotes() {
    String unicode = "select U&'d\\0061t;a' as U&\"c;\\0061\"";

    assertThat(sqlOf(unicode + "; select 1")).containsExactly(unicode, "select 1");
  }

  @Test
  void dollarQuoteTagsAreIdentifiersWithoutDollarsOrLeadingDigits() {
    assertThat(sqlOf("select $1$; select 2")).containsExactly("select $1$", "select 2");
    assertThat(sqlOf("select a$$b; select 2")).containsExactly("select a$$b", "select 2");
    assertThat(sqlOf("select $_x1$a;b$_x1$; select 2")).containsExactly("select $_x1$a;b$_x1$", "select 2");
    assertThat(sqlOf("select $a$ $b$; $a$; select 2")).containsExactly("select $a$ $b$; $a$", "select 2");
  }

  @Test
  void stringPrefixesCountOnlyAtTheStartOfAWord() {
    assertThat(sqlOf("select abe'x\\'; select 2")).containsExactly("select abe'x\\'", "select 2");
  }

  @Test
  void nestedBlockCommentsEndAtTheirOwnClose() {
    assertThat(sqlOf("select 1 /* a /* b; */ c; */; select 2")).containsExactly("select 1 /* a /* b; */ c; */",
        "select 2");
  }
}
