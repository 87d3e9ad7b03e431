package com.authservice.migrate.errors;

/**
 * The user stopped a run (Ctrl-C, SIGINT or SIGTERM): the statement in flight was cancelled on the server. The
 * message says what that left behind: the migration rolled back or, for a script without a transaction, the
 * statements that ran and stay; and the migrations the run had finished before it, which stay as they are.
 */
public final class RunCancelled extends MigrationException {

  private RunCancelled(String message, Throwable cause) {
    super(message, cause);
  }

  /** Before the run had started a migration: nothing changed. */
  public static RunCancelled beforeAnyMigration(Throwable cause) {
    return new RunCancelled("Cancelled before any migration ran; nothing changed.", cause);
  }

  /** A run on a throw-away database ({@code verify}'s scratch): nothing else changed, and it is dropped. */
  public static RunCancelled onScratch(Throwable cause) {
    return new RunCancelled("Cancelled; only the scratch database changed, and it is dropped.", cause);
  }

  /** Between two migrations: {@code next} never started. */
  public static RunCancelled before(String next, Throwable cause) {
    return new RunCancelled("Cancelled before " + next + " started", cause);
  }

  /** While the run set its session up between two migrations: no migration was in flight. */
  public static RunCancelled betweenMigrations(Throwable cause) {
    return new RunCancelled("Cancelled between two migrations", cause);
  }

  /** In a migration's transaction, which was rolled back. */
  public static RunCancelled rolledBack(String fileName, boolean undoing, Throwable cause) {
    return new RunCancelled("Cancelled: " + fileName + " was rolled back and "
        + (undoing ? "stays applied" : "is not applied"), cause);
  }

  /**
   * In a script that runs without a transaction: the first {@code ran} statements (through line
   * {@code lastLine}) ran and stay, the one at {@code line} did not finish, and the changelog is as it was.
   */
  public static RunCancelled withoutTransaction(String fileName, int line, int ran, int firstLine, int lastLine,
      boolean undoing, Throwable cause) {
    String kept = ran == 0 ? "no statement before it ran"
        : (ran == 1 ? "statement 1 (line " + firstLine + ") ran and stays"
            : "statements 1-" + ran + " (lines " + firstLine + "-" + lastLine + ") ran and stay");
    String changelog = undoing ? "the migration stays recorded as applied" : "the migration is not recorded in the changelog";
    return new RunCancelled("Cancelled: " + fileName + " runs without a transaction: the statement at line " + line
        + " was stopped, " + kept + ", and " + changelog + "; make the script safe to re-run before running it again",
        cause);
  }

  /** This report, saying that the {@code finished} migrations the run completed before stay as they are. */
  public RunCancelled afterFinishing(int finished) {
    String before = finished == 0 ? "" : "; the " + finished + " migration(s) this run finished before it stay";
    return new RunCancelled(getMessage() + before + ". The migration lock is released.", getCause());
  }
}
