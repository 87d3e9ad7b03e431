package com.authservice.migrate.errors;

import java.sql.SQLException;

/**
 * A statement of a migration failed and the run stopped there. In a transaction the migration was rolled
 * back; a script marked {@code -- migrate:no-transaction} keeps what ran before the failing statement.
 */
public final class ScriptFailed extends MigrationException {
  private final String fileName;
  private final int line;
  private final String sqlState;
  private final String statement;
  private final String aftermath;
  private final Ran ran;

  /** The statements of a no-transaction script that ran, and stay, before the failing one: how many, which lines. */
  public record Ran(int statements, int firstLine, int lastLine) {
    public static final Ran NOTHING = new Ran(0, 0, 0);
  }

  /** A statement failed inside the migration's transaction, which was rolled back. */
  public ScriptFailed(String fileName, int line, String statement, SQLException cause) {
    this(fileName, line, statement, cause, DatabaseError.firstLine(cause.getMessage()),
        rolledBack(cause.getSQLState()), Ran.NOTHING);
  }

  private ScriptFailed(String fileName, int line, String statement, SQLException cause, String what,
      String aftermath, Ran ran) {
    super(fileName + " line " + line + ": " + what + " (in: " + abbreviate(statement) + "). " + aftermath, cause);
    this.fileName = fileName;
    this.line = line;
    this.sqlState = cause.getSQLState();
    this.statement = statement;
    this.aftermath = aftermath;
    this.ran = ran;
  }

  /** The same failure with {@code why} it happened after the server's message (a cancel: which one it was). */
  public ScriptFailed explained(String why) {
    SQLException cause = (SQLException) getCause();
    return new ScriptFailed(fileName, line, statement, cause, DatabaseError.firstLine(cause.getMessage()) + ": " + why,
        aftermath, ran);
  }

  /** Whether statements of a no-transaction script ran before the failing one and stay: running it again repeats them. */
  public boolean leftChanges() {
    return ran.statements() > 0;
  }

  /**
   * A statement of a script that runs without a transaction failed: nothing is rolled back, and the
   * changelog still says what it said before ({@code undoing}: the migration stays recorded as applied).
   */
  public static ScriptFailed withoutTransaction(String fileName, int line, String statement, SQLException cause,
      Ran ran, boolean undoing) {
    String changelog = undoing ? "the migration stays recorded as applied"
        : "the migration is not recorded in the changelog";
    String aftermath = ran.statements() == 0
        ? "The script runs without a transaction: no statement before it ran, and " + changelog
            + "; fix the script and run the command again."
        : "The script runs without a transaction: " + describe(ran) + " and " + changelog
            + "; fix the script, make it safe to re-run, and run the command again.";
    return new ScriptFailed(fileName, line, statement, cause, DatabaseError.firstLine(cause.getMessage()), aftermath,
        ran);
  }

  /**
   * A Java migration's {@code up} or {@code down} ({@code call}) threw {@code cause}. In its transaction it was rolled
   * back; one that commits as it goes ({@code committing}) keeps what it committed and is not recorded (or, undoing,
   * stays recorded), and must continue where it stopped when the command is run again.
   */
  public static ScriptFailed inJava(String fileName, int line, String call, SQLException cause, boolean committing,
      boolean undoing) {
    if (!committing) {
      return new ScriptFailed(fileName, line, call, cause, DatabaseError.firstLine(cause.getMessage()),
          rolledBack(cause.getSQLState()), Ran.NOTHING);
    }
    String aftermath = "The Java migration commits as it goes: what it committed stays and " + (undoing
        ? "the migration stays recorded as applied" : "the migration is not recorded in the changelog")
        + "; fix the cause and run the command again, the migration continues where it stopped.";
    // Counted as one statement that ran and stays, so that lock-wait retries never run it again on their own.
    return new ScriptFailed(fileName, line, call, cause, DatabaseError.firstLine(cause.getMessage()), aftermath,
        new Ran(1, line, line));
  }

  /** A statement of a MyBatis hook's SQL ({@code hook}: its key and file) failed; {@code aftermath}: what was undone. */
  public static ScriptFailed inHook(String hook, int line, String statement, SQLException cause, String aftermath) {
    return new ScriptFailed(hook, line, statement, cause, DatabaseError.firstLine(cause.getMessage()), aftermath,
        Ran.NOTHING);
  }

  public String fileName() {
    return fileName;
  }

  public int line() {
    return line;
  }

  public String sqlState() {
    return sqlState;
  }

  /** "statements 1-3 (lines 2-9) ran and stay applied", "statement 1 (line 2) ran and stays applied". */
  private static String describe(Ran ran) {
    String lines = ran.firstLine() == ran.lastLine() ? "line " + ran.firstLine()
        : "lines " + ran.firstLine() + "-" + ran.lastLine();
    return ran.statements() == 1 ? "statement 1 (" + lines + ") ran and stays applied"
        : "statements 1-" + ran.statements() + " (" + lines + ") ran and stay applied";
  }

  private static String rolledBack(String sqlState) {
    String undone = "The migration was rolled back; ";
    if ("42501".equals(sqlState)) {
      return undone + "grant the missing privilege or run migrations as the schema's owner.";
    }
    return undone + "fix the script and run the command again.";
  }

  private static String abbreviate(String statement) {
    String oneLine = statement.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
  }
}
