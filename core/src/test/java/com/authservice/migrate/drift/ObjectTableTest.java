package com.authservice.migrate.drift;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.snapshot.SchemaObject;
import com.authservice.migrate.snapshot.SchemaObject.Kind;
import org.junit.jupiter.api.Test;

/** Which table an object of a snapshot belongs to, read from its name or definition; no database needed. */
class ObjectTableTest {

  private static String tableOf(Kind kind, String name, String definition) {
    return ObjectTable.of(new SchemaObject(kind, name, definition)).orElse("none");
  }

  @Test
  void columnsConstraintsAndTriggersNameTheirTable() {
    assertThat(tableOf(Kind.TABLE, "billing_runs", "CREATE TABLE billing_runs;")).isEqualTo("billing_runs");
    assertThat(tableOf(Kind.COLUMN, "billing_runs.at", "")).isEqualTo("billing_runs");
    assertThat(tableOf(Kind.CONSTRAINT, "alembic_version.alembic_version_pkc", "")).isEqualTo("alembic_version");
    assertThat(tableOf(Kind.TRIGGER, "users.touch", "")).isEqualTo("users");
  }

  @Test
  void indexesAndOwnedSequencesNameItInTheirDefinition() {
    assertThat(tableOf(Kind.INDEX, "ix_billing_at", "CREATE INDEX ix_billing_at ON public.billing_runs USING btree (at);"))
        .isEqualTo("billing_runs");
    assertThat(tableOf(Kind.INDEX, "ix", "CREATE INDEX ix ON ONLY \"Odd \"\"name\" USING btree (a);"))
        .isEqualTo("Odd \"name");
    assertThat(tableOf(Kind.SEQUENCE, "s", "CREATE SEQUENCE s AS bigint CACHE 1 OWNED BY billing_runs.id (identity);"))
        .isEqualTo("billing_runs");
    assertThat(tableOf(Kind.SEQUENCE, "s", "CREATE SEQUENCE s AS bigint CACHE 1 OWNED BY auth.billing_runs.id;"))
        .isEqualTo("billing_runs");
    assertThat(tableOf(Kind.SEQUENCE, "s", "CREATE SEQUENCE s AS bigint CACHE 1;")).isEqualTo("none");
  }

  @Test
  void commentsNameTheirTableExceptOnObjectsOfNoTable() {
    assertThat(tableOf(Kind.COMMENT, "COLUMN billing_runs.at", "")).isEqualTo("billing_runs");
    assertThat(tableOf(Kind.COMMENT, "TABLE public.billing_runs", "")).isEqualTo("billing_runs");
    assertThat(tableOf(Kind.COMMENT, "CONSTRAINT pk ON billing_runs", "")).isEqualTo("billing_runs");
    assertThat(tableOf(Kind.COMMENT, "FUNCTION touch()", "")).isEqualTo("none");
    assertThat(tableOf(Kind.VIEW, "v", "CREATE VIEW v AS SELECT 1")).isEqualTo("none");
  }
}
