package com.authservice.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.autogenerate.model.ModelReader;
import com.authservice.migrate.autogenerate.schema.Column;
import com.authservice.migrate.autogenerate.schema.PrimaryKey;
import com.authservice.migrate.autogenerate.schema.Schema;
import com.authservice.migrate.autogenerate.schema.Table;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema the annotations describe, on the models alone: no database. */
class ModelReaderTest {

  @Entity
  @jakarta.persistence.Table(name = "prices")
  static class Price {
    @Id Long id;
    BigDecimal plain;
    @jakarta.persistence.Column BigDecimal annotated;
    @jakarta.persistence.Column(name = "named") BigDecimal named;
    @jakarta.persistence.Column(scale = 4) BigDecimal scaled;
    @jakarta.persistence.Column(precision = 10) BigDecimal whole;
  }

  @Test
  void aBigDecimalGetsTheSameNumericWithOrWithoutAColumnThatNamesNoPrecision() {
    Table prices = table(Price.class, "prices");

    assertThat(prices.columns()).extracting(c -> c.name() + " " + c.type()).containsExactly("id bigint",
        "plain numeric(19,2)", "annotated numeric(19,2)", "named numeric(19,2)", "scaled numeric(19,4)",
        "whole numeric(10,0)");
  }

  @MappedSuperclass
  abstract static class Audited {
    @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;
    @jakarta.persistence.Column(name = "created_at", nullable = false) OffsetDateTime createdAt;
  }

  @Entity
  @jakarta.persistence.Table(name = "notes")
  static class Note extends Audited {
    @jakarta.persistence.Column(name = "body", length = 200) String body;
  }

  @Test
  void fieldsOfAMappedSuperclassAreColumnsOfTheEntity() {
    Table notes = table(Note.class, "notes");

    assertThat(notes.columns()).extracting(Column::name).containsExactly("id", "created_at", "body");
    assertThat(notes.primaryKey()).map(PrimaryKey::columns).contains(List.of("id"));
    assertThat(notes.column("id")).map(Column::identity).contains(true);
  }

  @Entity
  @jakarta.persistence.Table(name = "UserProfile")
  static class FoldedProfile {
    @Id @jakarta.persistence.Column(name = "profileId") Long id;
  }

  @Entity
  @jakarta.persistence.Table(name = "\"UserProfile\"")
  static class DelimitedProfile {
    @Id @jakarta.persistence.Column(name = "`profileId`") Long id;
  }

  @Test
  void namesAreReadAsJakartaPersistenceAndPostgresReadThem() {
    assertThat(table(FoldedProfile.class, "userprofile").columns()).extracting(Column::name)
        .containsExactly("profileid");
    assertThat(table(DelimitedProfile.class, "UserProfile").columns()).extracting(Column::name)
        .containsExactly("profileId");
  }

  private static Table table(Class<?> model, String name) {
    Schema schema = ModelReader.read(List.of(model));
    assertThat(schema.tables()).containsOnlyKeys(name);
    return schema.table(name).orElseThrow();
  }
}
