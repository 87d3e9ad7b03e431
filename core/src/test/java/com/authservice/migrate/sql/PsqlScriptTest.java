package com.authservice.migrate.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.errors.MalformedScript;
import org.junit.jupiter.api.Test;

/** Reading a script for psql-only input, with the one lexer that splits it: no database needed. */
class PsqlScriptTest {

  @Test
  void aColonInsideAStringWithBackslashEscapesIsNotAVariableOnceTheScriptTurnsStandardStringsOff() {
    String script = "SET standard_conforming_strings = off;\nSELECT 'it\\'s :done';\n";

    assertThat(PsqlScript.read("a.sql", script, 1)).hasSize(2);
  }

  @Test
  void aVariableAfterOtherStatementsIsRefusedAtItsOwnLine() {
    String script = "CREATE TABLE a (id int);\n\nINSERT INTO a\n  VALUES (:id);\n";

    assertThatThrownBy(() -> PsqlScript.read("a.sql", script, 5))
        .isInstanceOf(MalformedScript.class)
        .hasMessageContaining("line 8: \":id\" is a psql variable");
  }

  @Test
  void copyDataIsNotReadAsSqlSoABackslashInItIsNoMetaCommand() {
    String script = "COPY a (t) FROM stdin;\nx\\ty:z\n\\.\nSELECT 1;\n";

    assertThat(PsqlScript.read("a.sql", script, 1)).hasSize(2);
  }
}
