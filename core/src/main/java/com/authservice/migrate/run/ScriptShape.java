package com.authservice.migrate.run;

import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.sql.PsqlScript;
import com.authservice.migrate.sql.SqlStatements;
import com.authservice.migrate.sql.TransactionControl;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The shape a script must have before anything of a run executes: its undo marker where MyBatis reads it, and no
 * statement that ends the transaction it runs in. (Not lint: lint judges what statements do to a live table.) MyBatis reads only {@code -- //@UNDO} (and a few
 * spacing variants) as the undo marker; a near miss such as {@code -- @UNDO} silently makes the undo
 * SQL part of {@code up}, and a missing marker makes {@code down} delete the changelog row and undo nothing.
 */
public final class ScriptShape {

  /** {@code -- migrate:no-transaction}: a plain comment to MyBatis, an opt-out of the per-migration transaction to us. */
  private static final Pattern NO_TRANSACTION = Pattern.compile("(?m)^\\s*--\\s*migrate:no-transaction\\s*$");

  private static final Pattern MYBATIS_LINES = Pattern.compile("(?m)^\\s*--\\s*//.*$");

  private static final Pattern UNDO_LIKE = Pattern.compile("(?im)^\\s*--\\s*/*\\s*@\\s*undo\\b.*$");

  private ScriptShape() {
  }

  /**
   * The script can run up: no near-miss undo marker sits in its up section, and a script that runs in a transaction
   * holds no statement that ends it or cannot run in one.
   */
  public static void checkUp(ScriptFolder scripts, Migration migration) {
    String up = scripts.upSql(migration);
    var nearMiss = UNDO_LIKE.matcher(up);
    if (nearMiss.find()) {
      throw new MalformedScript(migration.fileName(), "\"" + nearMiss.group().strip()
          + "\" is not read as the undo marker, so its undo SQL would run during up; write exactly -- //@UNDO");
    }
    List<SqlStatements.Statement> statements = statements(migration, up, 1);
    // Blank but for MyBatis' "-- //" lines, not merely without statements: MyBatis' own init writes a first
    // migration of comments only, and the MyBatis CLI applies it.
    if (MYBATIS_LINES.matcher(up).replaceAll("").isBlank()) {
      throw new MalformedScript(migration.fileName(), (scripts.content(migration).isBlank() ? "it is empty"
          : "its up part (before -- //@UNDO) holds no SQL statement")
          + "; write the change there: a migration that runs nothing would still be recorded as applied");
    }
    checkTransaction(scripts, migration, statements);
  }

  /** The statements as the runner reads them: psql-only input refused, COPY data not taken for statements. */
  private static List<SqlStatements.Statement> statements(Migration migration, String sql, int firstLine) {
    return PsqlScript.read(migration.fileName(), sql, firstLine).stream().map(PsqlScript.Command::statement).toList();
  }

  private static void checkTransaction(ScriptFolder scripts, Migration migration,
      List<SqlStatements.Statement> statements) {
    if (runsWithoutTransaction(scripts.content(migration))) {
      return;
    }
    for (SqlStatements.Statement statement : statements) {
      TransactionControl.problem(statement.sql()).ifPresent(problem -> {
        throw new MalformedScript(migration.fileName(), "line " + statement.line() + ": " + problem);
      });
    }
  }

  /** The script can run down: it has an undo section (an empty one is an explicit "nothing to undo"). */
  public static void checkDown(ScriptFolder scripts, Migration migration) {
    checkUp(scripts, migration);
    if (!hasUndoMarker(scripts, migration)) {
      throw new MalformedScript(migration.fileName(), "it has no -- //@UNDO section, so down cannot undo it; "
          + "add the section with the SQL that reverts the change (leave it empty if nothing needs undoing)");
    }
    checkTransaction(scripts, migration,
        statements(migration, scripts.undoSql(migration), undoFirstLine(scripts, migration)));
  }

  static boolean hasUndoMarker(ScriptFolder scripts, Migration migration) {
    return count(scripts.content(migration)) > count(scripts.upSql(migration));
  }

  private static long count(String text) {
    return UNDO_LIKE.matcher(text).results().count();
  }

  /** Line of the undo marker: MyBatis' undo section starts with the rest of that line. */
  static int undoFirstLine(ScriptFolder scripts, Migration migration) {
    String up = scripts.upSql(migration);
    return (int) up.chars().filter(c -> c == '\n').count() + 1;
  }

  public static boolean runsWithoutTransaction(String content) {
    return NO_TRANSACTION.matcher(content).find();
  }
}
