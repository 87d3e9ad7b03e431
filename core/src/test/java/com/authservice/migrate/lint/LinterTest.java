package com.authservice.migrate.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lint on script text alone, no database: what each rule flags, what it lets through, what allow accepts. */
class LinterTest {

  private static LintReport lint(String sql) {
    return lint(sql, true);
  }

  private static LintReport lint(String sql, boolean transactional) {
    return new Linter(Catalog.none(), "public").lintScript("1_test.sql", sql, transactional).report();
  }

  private static List<String> rules(String sql) {
    return rules(lint(sql));
  }

  private static List<String> rules(LintReport report) {
    return report.findings().stream().map(f -> f.rule().id()).toList();
  }

  @Test
  void addingARequiredFieldToAnExistingTableIsFlaggedButNotWithADefaultOrOnANewTable() {
    assertThat(rules("ALTER TABLE users ADD COLUMN age integer NOT NULL;")).containsExactly("adding-required-field");
    assertThat(rules("ALTER TABLE users ADD COLUMN age integer NOT NULL DEFAULT 0;")).isEmpty();
    assertThat(rules("ALTER TABLE users ADD COLUMN age integer;")).isEmpty();
    assertThat(rules("CREATE TABLE t (id int); ALTER TABLE t ADD COLUMN age integer NOT NULL;")).isEmpty();
  }

  @Test
  void aVolatileDefaultIsFlaggedAndAStableOneIsNot() {
    assertThat(rules("ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();"))
        .containsExactly("adding-field-with-volatile-default");
    assertThat(rules("ALTER TABLE users ADD COLUMN r float8 NOT NULL DEFAULT random();"))
        .containsExactly("adding-field-with-volatile-default");
    assertThat(rules("ALTER TABLE users ADD COLUMN seen timestamptz NOT NULL DEFAULT now();")).isEmpty();
    assertThat(rules("ALTER TABLE users ADD COLUMN n bigserial;")).containsExactly("adding-field-with-volatile-default");
    assertThat(rules("ALTER TABLE users ADD COLUMN n int GENERATED ALWAYS AS IDENTITY;"))
        .containsExactly("adding-field-with-volatile-default");
  }

  @Test
  void changingAColumnTypeIsFlaggedUnlessItWidensAVarchar() {
    String table = "CREATE TABLE t (v varchar(20), n numeric(10,2));\n";
    assertThat(rules("ALTER TABLE users ALTER COLUMN email TYPE text;")).containsExactly("changing-column-type");
    Linter linter = new Linter(Catalog.none(), "public").lintScript("1_make.sql", table, true);
    linter.lintScript("2_widen.sql", "ALTER TABLE t ALTER COLUMN v TYPE varchar(50);\n"
        + "ALTER TABLE t ALTER COLUMN v TYPE text;\nALTER TABLE t ALTER COLUMN n TYPE numeric(12,2);", true);
    assertThat(linter.report().findings()).isEmpty();
    linter.lintScript("3_narrow.sql", "ALTER TABLE t ALTER COLUMN v TYPE varchar(10);\n"
        + "ALTER TABLE t ALTER COLUMN n TYPE integer;", true);
    assertThat(rules(linter.report())).containsExactly("changing-column-type", "changing-column-type");
  }

  @Test
  void settingNotNullIsFlaggedUnlessAValidatedCheckAlreadyProvesIt() {
    assertThat(rules("ALTER TABLE users ALTER COLUMN phone SET NOT NULL;")).containsExactly("setting-not-null");
    Linter linter = new Linter(Catalog.none(), "public")
        .lintScript("1_check.sql", "ALTER TABLE users ADD CONSTRAINT phone_nn CHECK (phone IS NOT NULL) NOT VALID;", true)
        .lintScript("2_validate.sql", "ALTER TABLE users VALIDATE CONSTRAINT phone_nn;", true)
        .lintScript("3_set.sql", "ALTER TABLE users ALTER COLUMN phone SET NOT NULL;", true);
    assertThat(linter.report().findings()).isEmpty();
  }

  @Test
  void indexesOnExistingTablesMustBeConcurrentAndConcurrentOnesOutsideATransaction() {
    assertThat(rules("CREATE INDEX ix ON users (email);")).containsExactly("require-concurrent-index-creation");
    assertThat(rules("CREATE TABLE t (a int); CREATE INDEX ix ON t (a);")).isEmpty();
    assertThat(rules("CREATE INDEX CONCURRENTLY ix ON users (email);"))
        .containsExactly("ban-concurrent-index-creation-in-transaction");
    assertThat(rules(lint("CREATE INDEX CONCURRENTLY ix ON users (email);", false))).isEmpty();
    assertThat(rules("DROP INDEX ix;")).containsExactly("require-concurrent-index-deletion");
    assertThat(rules(lint("DROP INDEX CONCURRENTLY IF EXISTS ix;", false))).isEmpty();
    assertThat(rules("DROP INDEX CONCURRENTLY ix;")).containsExactly("ban-concurrent-index-creation-in-transaction");
  }

  @Test
  void foreignKeysAndChecksNeedNotValidAndUniqueNeedsAnIndexBuiltConcurrently() {
    assertThat(rules("ALTER TABLE items ADD CONSTRAINT fk FOREIGN KEY (owner_id) REFERENCES users (id);"))
        .containsExactly("constraint-missing-not-valid");
    assertThat(rules("ALTER TABLE items ADD CONSTRAINT fk FOREIGN KEY (owner_id) REFERENCES users (id) NOT VALID;"))
        .isEmpty();
    assertThat(rules("ALTER TABLE items ADD CONSTRAINT ck CHECK (price >= 0);"))
        .containsExactly("constraint-missing-not-valid");
    assertThat(rules("ALTER TABLE items ADD CONSTRAINT ck CHECK (price >= 0) NOT VALID;")).isEmpty();
    assertThat(rules("ALTER TABLE items ADD CONSTRAINT ck CHECK (price >= 0) NOT VALID;\n"
        + "ALTER TABLE items VALIDATE CONSTRAINT ck;")).containsExactly("constraint-missing-not-valid");
    assertThat(rules("ALTER TABLE users ADD CONSTRAINT uq UNIQUE (email);"))
        .containsExactly("disallowed-unique-constraint");
    assertThat(rules("ALTER TABLE users ADD CONSTRAINT uq UNIQUE USING INDEX ix;")).isEmpty();
    assertThat(rules("ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY (id);"))
        .containsExactly("adding-serial-primary-key-field");
    assertThat(rules("ALTER TABLE users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_pkey;")).isEmpty();
  }

  @Test
  void serialPrimaryKeysRenamesAndDropsOfExistingTablesAreFlagged() {
    assertThat(rules("ALTER TABLE users ADD COLUMN id2 bigserial PRIMARY KEY;"))
        .contains("adding-serial-primary-key-field");
    assertThat(rules("ALTER TABLE users RENAME COLUMN email TO mail;")).containsExactly("renaming-column");
    assertThat(rules("ALTER TABLE users RENAME TO people;")).containsExactly("renaming-table");
    assertThat(rules("ALTER TABLE users DROP COLUMN email;")).containsExactly("ban-drop-column");
    assertThat(rules("DROP TABLE IF EXISTS users CASCADE;")).containsExactly("ban-drop-table");
    assertThat(rules("CREATE TABLE t (a int); ALTER TABLE t RENAME COLUMN a TO b; DROP TABLE t;")).isEmpty();
  }

  @Test
  void beginAndCommitInAScriptTheConsoleWrapsAreFlagged() {
    assertThat(rules("BEGIN; UPDATE users SET full_name = ''; COMMIT;"))
        .containsExactly("transaction-nesting", "transaction-nesting");
    assertThat(rules(lint("BEGIN; UPDATE users SET full_name = ''; COMMIT;", false))).isEmpty();
  }

  @Test
  void inANoTransactionScriptItsOwnBeginCommitBlockIsATransactionForTheRules() {
    String block = "BEGIN;\nCREATE INDEX CONCURRENTLY ix_users_email ON users (email);\nCOMMIT;\n";
    assertThat(rules(lint(block, false))).containsExactly("ban-concurrent-index-creation-in-transaction");
    assertThat(rules(lint("CREATE INDEX CONCURRENTLY ix_users_email ON users (email);", false))).isEmpty();

    String addThenValidate = "ALTER TABLE items ADD CONSTRAINT ck CHECK (price >= 0) NOT VALID;\n"
        + "ALTER TABLE items VALIDATE CONSTRAINT ck;\n";
    assertThat(rules(lint("BEGIN;\n" + addThenValidate + "COMMIT;\n", false)))
        .containsExactly("constraint-missing-not-valid");
    assertThat(rules(lint(addThenValidate, false))).isEmpty();
    assertThat(rules(lint("BEGIN;\n" + addThenValidate.replace("\nALTER", "\nCOMMIT;\nALTER"), false))).isEmpty();
  }

  @Test
  void anAllowCommentAcceptsOneFindingOnItsStatementOrTheWholeScriptFromAHeaderSetApartByABlankLine() {
    LintReport onStatement = lint("""
        -- // drop the old column
        ALTER TABLE users ADD COLUMN a int;

        -- migrate:allow ban-drop-column
        ALTER TABLE users DROP COLUMN email;
        ALTER TABLE users DROP COLUMN phone;
        """);
    assertThat(onStatement.findings()).extracting(Finding::subject).containsExactly("users.phone");
    assertThat(onStatement.allowed()).extracting(Finding::subject).containsExactly("users.email");

    LintReport wholeScript = lint("""
        -- migrate:allow ban-drop-column, renaming-column

        ALTER TABLE users DROP COLUMN email;
        ALTER TABLE users RENAME COLUMN a TO b; -- and a trailing comment
        """);
    assertThat(wholeScript.findings()).isEmpty();
    assertThat(wholeScript.allowed()).hasSize(2);

    LintReport onFirstStatement = lint("""
        -- // drop the old column
        -- migrate:allow ban-drop-column
        ALTER TABLE users DROP COLUMN email;
        ALTER TABLE users DROP COLUMN phone;
        """);
    assertThat(onFirstStatement.findings()).as("a comment attached to the first statement is that statement's")
        .extracting(Finding::subject).containsExactly("users.phone");

    LintReport typo = lint("-- migrate:allow ban-drop-colum\nALTER TABLE users DROP COLUMN email;\n");
    assertThat(rules(typo)).containsExactly("ban-drop-column");
    assertThat(typo.notes()).extracting(Note::text).containsExactly(
        "-- migrate:allow names no rule \"ban-drop-colum\" (see `help lint`)");
  }

  @Test
  void anAllowCommentMaySayWhyInParenthesesWithoutTheReasonReadAsRuleIds() {
    LintReport withReason = lint("-- migrate:allow ban-drop-column (nothing reads it since 2.3)\n"
        + "SELECT 1;\nALTER TABLE users DROP COLUMN email;\n");
    assertThat(withReason.notes()).isEmpty();

    LintReport onStatement = lint("SELECT 1;\n-- migrate:allow ban-drop-column, renaming-column (see ticket 12)\n"
        + "ALTER TABLE users DROP COLUMN email;\n");
    assertThat(onStatement.findings()).isEmpty();
    assertThat(onStatement.allowed()).hasSize(1);
    assertThat(onStatement.notes()).isEmpty();
  }

  @Test
  void aStatementTheParserCannotReadIsReportedAsNotCheckedNeverGuessed() {
    LintReport report = lint("""
        DO $$ BEGIN ALTER TABLE users DROP COLUMN email; END $$;
        ALTER TABLE users ADD COLUMN a int;
        """);
    assertThat(report.findings()).isEmpty();
    assertThat(report.notes()).extracting(Note::line, Note::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "could not parse: not checked (DO $$ BEGIN ALTER TABLE "
            + "users DROP COLUM...)"));
  }

  @Test
  void findingsNameTheLineTheStatementStartsOn() {
    LintReport report = lint("-- // header\n\nALTER TABLE users\n  ADD COLUMN age int NOT NULL;\n");
    assertThat(report.findings()).extracting(Finding::line, Finding::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "users.age"));
  }

  @Test
  void theProjectsOwnScriptsAreClean() {
    assertThat(rules("""
        CREATE TABLE users (id BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL, email VARCHAR(255) NOT NULL,
            CONSTRAINT users_pkey PRIMARY KEY (id), CONSTRAINT uq_users_email UNIQUE (email));
        CREATE TABLE items (id BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL, owner_id BIGINT NOT NULL,
            CONSTRAINT fk_items_owner_id_users FOREIGN KEY (owner_id) REFERENCES users (id) ON DELETE CASCADE);
        CREATE INDEX ix_items_owner_id ON items (owner_id);
        """)).isEmpty();
  }
}
