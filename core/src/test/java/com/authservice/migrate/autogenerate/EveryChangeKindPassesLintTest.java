package com.authservice.migrate.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.autogenerate.compare.SchemaChange;
import com.authservice.migrate.autogenerate.render.OnlineDdl;
import com.authservice.migrate.autogenerate.schema.Column;
import com.authservice.migrate.autogenerate.schema.ForeignKey;
import com.authservice.migrate.autogenerate.schema.Index;
import com.authservice.migrate.autogenerate.schema.PrimaryKey;
import com.authservice.migrate.autogenerate.schema.Table;
import com.authservice.migrate.autogenerate.schema.UniqueConstraint;
import com.authservice.migrate.lint.Catalog;
import com.authservice.migrate.lint.LintReport;
import com.authservice.migrate.lint.Linter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Each change kind autogenerate writes, on a table that already exists, passes strict lint in its up and its
 * undo, with no catalog to tell lint the old column types: the safe form, or, where there is none (dropping
 * data, rewriting a table), a per-statement allow with what to review.
 */
class EveryChangeKindPassesLintTest {

  private static final Column NICKNAME = new Column("nickname", "character varying(40)", true, Optional.empty(),
      false, Optional.empty());
  private static final Column REQUIRED = new Column("code", "character varying(40)", false, Optional.empty(),
      false, Optional.empty());
  private static final Table PETS = new Table("pets", List.of(new Column("id", "bigint", false, Optional.empty(), true,
      Optional.empty())), Optional.of(new PrimaryKey("pets_pkey", List.of("id"))), List.of(), List.of(), List.of(),
      Optional.empty());
  private static final ForeignKey OWNER = new ForeignKey("fk_pets_owner", List.of("owner_id"), "owners",
      List.of("id"), "CASCADE", "NO ACTION");

  static Map<String, SchemaChange> everyKind() {
    Map<String, SchemaChange> kinds = new TreeMap<>();
    kinds.put("create table", new SchemaChange.CreateTable(PETS));
    kinds.put("drop table", new SchemaChange.DropTable(PETS));
    kinds.put("add nullable column", new SchemaChange.AddColumn("owners", NICKNAME));
    kinds.put("add required column", new SchemaChange.AddColumn("owners", REQUIRED));
    kinds.put("drop column", new SchemaChange.DropColumn("owners", NICKNAME));
    kinds.put("drop required column", new SchemaChange.DropColumn("owners", REQUIRED));
    kinds.put("widen type", new SchemaChange.AlterType("owners", "name", "character varying(40)",
        "character varying(80)"));
    kinds.put("rewrite type", new SchemaChange.AlterType("owners", "age", "integer", "bigint"));
    kinds.put("make required", new SchemaChange.AlterNullable("owners", "name", false));
    kinds.put("make nullable", new SchemaChange.AlterNullable("owners", "name", true));
    kinds.put("set default", new SchemaChange.AlterDefault("owners", "name", Optional.empty(), Optional.of("'x'")));
    kinds.put("add primary key", new SchemaChange.AddPrimaryKey("tags", new PrimaryKey("tags_pkey", List.of("code"))));
    kinds.put("drop primary key", new SchemaChange.DropPrimaryKey("tags", new PrimaryKey("tags_pkey",
        List.of("code"))));
    kinds.put("add unique", new SchemaChange.AddUnique("owners", new UniqueConstraint("uq_owners_name",
        List.of("name"))));
    kinds.put("drop unique", new SchemaChange.DropUnique("owners", new UniqueConstraint("uq_owners_name",
        List.of("name"))));
    kinds.put("create index", new SchemaChange.CreateIndex("pets", new Index("ix_pets_owner", List.of("owner_id"),
        false)));
    kinds.put("drop index", new SchemaChange.DropIndex("pets", new Index("ix_pets_owner", List.of("owner_id"),
        false)));
    kinds.put("add foreign key", new SchemaChange.AddForeignKey("pets", OWNER));
    kinds.put("drop foreign key", new SchemaChange.DropForeignKey("pets", OWNER));
    kinds.put("table comment", new SchemaChange.SetTableComment("owners", Optional.empty(), Optional.of("people")));
    kinds.put("column comment", new SchemaChange.SetColumnComment("owners", "name", Optional.empty(),
        Optional.of("full name")));
    return kinds;
  }

  @Test
  void noChangeKindLeavesALintFindingInItsUpOrItsUndo() {
    List<String> flagged = new ArrayList<>();
    everyKind().forEach((kind, change) -> {
      OnlineDdl ddl = new OnlineDdl(List.of(change));
      LintReport up = new Linter(Catalog.none(), "public").lintScript("up.sql", backfilled(ddl.up()), true)
          .lintScript("up_concurrently.sql", ddl.concurrentUp(), false).report();
      LintReport undo = new Linter(Catalog.none(), "public")
          .lintScript("undo_concurrently.sql", ddl.concurrentUndo(), false)
          .lintScript("undo.sql", backfilled(ddl.undo()), true).report();
      up.findings().forEach(finding -> flagged.add(kind + " (up): " + finding.rule().id()));
      undo.findings().forEach(finding -> flagged.add(kind + " (undo): " + finding.rule().id()));
      up.notes().forEach(note -> flagged.add(kind + " (up): " + note));
      undo.notes().forEach(note -> flagged.add(kind + " (undo): " + note));
    });
    assertThat(flagged).isEmpty();
  }

  /** The backfill the user fills in (a required column without a default); until then strict lint refuses it. */
  private static String backfilled(String upSql) {
    return upSql.replace("<value for existing rows>", "'unknown'");
  }

  @Test
  void anUnfilledBackfillPlaceholderFailsStrictLintAsItWouldFailTheMigration() {
    OnlineDdl ddl = new OnlineDdl(List.of(everyKind().get("add required column")));

    LintReport report = new Linter(Catalog.none(), "public").lintScript("up.sql", ddl.up(), true).report();

    assertThat(report.findings()).isEmpty();
    assertThat(report.passesStrict()).isFalse();
  }

  @Test
  void whatHasNoSafeFormIsAllowedStatementByStatementWithWhatToReview() {
    OnlineDdl drops = new OnlineDdl(List.of(new SchemaChange.DropColumn("owners", NICKNAME),
        new SchemaChange.AlterType("owners", "age", "integer", "bigint")));

    assertThat(drops.up()).contains("""
        -- Review: this deletes column owners.nickname and its data for good; first deploy code that no longer \
        reads it.
        -- migrate:allow ban-drop-column
        ALTER TABLE owners DROP COLUMN nickname;
        """).contains("-- migrate:allow changing-column-type\nALTER TABLE owners ALTER COLUMN age TYPE bigint "
        + "USING age::bigint;");
    assertThat(new OnlineDdl(List.of(everyKind().get("widen type"))).up()).isEqualTo("-- migrate:allow "
        + "changing-column-type (owners.name from character varying(40) to character varying(80) is made in place, "
        + "without rewriting the table)\nALTER TABLE owners ALTER COLUMN name TYPE character varying(80);\n");
  }
}
