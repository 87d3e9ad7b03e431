package com.authservice.migrate.javamigration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.errors.MalformedScript;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stub script's text, read and written without a database. */
class JavaStubTest {

  @Test
  void aRenderedStubNamesItsClassAndHasAnUndoSection() {
    String stub = JavaStub.render("backfill emails", "com.example.Backfill");

    assertThat(stub).startsWith("-- // backfill emails\n-- migrate:java com.example.Backfill\n").contains("-- //@UNDO");
    assertThat(JavaStub.className("x.sql", stub)).contains("com.example.Backfill");
    assertThat(JavaStub.headerLine(stub)).isEqualTo(2);
  }

  @Test
  void aPlainScriptIsNotAJavaMigration() {
    assertThat(JavaStub.className("x.sql", "-- // a\nCREATE TABLE a (id INT);\n")).isEqualTo(Optional.empty());
  }

  @Test
  void aHeaderWithoutAClassNameIsRefused() {
    assertThatThrownBy(() -> JavaStub.className("x.sql", "-- // a\n-- migrate:java com.example.Bad-Name\n"))
        .isInstanceOf(MalformedScript.class)
        .hasMessageContaining("does not name a Java class");
    assertThatThrownBy(() -> JavaStub.className("x.sql", "-- migrate:java\nSELECT 1;\n"))
        .isInstanceOf(MalformedScript.class);
  }
}
