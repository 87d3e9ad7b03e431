package com.authservice.migrate.shell.run;

import com.authservice.migrate.errors.DatabaseError;
import com.authservice.migrate.errors.MigrationException;
import com.authservice.migrate.shell.launch.LaunchOptions;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import org.springframework.core.convert.ConversionException;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;

/**
 * Runs one command and owns what its outcome means to the process: 0 when it worked, 1 when it failed
 * (SQL error, unknown id, lock timeout, a state the database is not in...), 2 only for what was typed wrong
 * (unknown command or option, a value that does not parse). Failures are one line on stderr;
 * the stack trace only with {@code --debug}.
 */
public final class CommandDispatcher {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private final CommandRegistry registry;
  private final CommandLine commandLine;
  private final PrintStream err;
  private final boolean debug;

  public CommandDispatcher(CommandRegistry registry, PrintStream err, boolean debug) {
    this.registry = registry;
    this.commandLine = new CommandLine(registry);
    this.err = err;
    this.debug = debug;
  }

  public int execute(List<String> words, PrintWriter out) {
    try {
      Command command = commandLine.command(words);
      CommandContext context = new CommandContext(commandLine.parse(command, words), registry, out, null);
      ExitStatus status = command.execute(context);
      out.flush();
      if (status.code() == ExitStatus.OK.code()) {
        return OK;
      }
      return status.code() == ExitStatus.USAGE_ERROR.code() ? USAGE : FAILED;
    } catch (Throwable thrown) {
      out.flush();
      return report(unwrap(thrown));
    }
  }

  /** A step that is not a command, failing as a command would: one line and its exit code. */
  public int attempt(Runnable step) {
    try {
      step.run();
      return OK;
    } catch (RuntimeException failure) {
      return report(failure);
    }
  }

  private int report(Throwable failure) {
    if (failure instanceof AlreadyReported reported) {
      return reported.exitCode();
    }
    if (debug) {
      failure.printStackTrace(err);
    }
    if (failure instanceof MigrationException migration) {
      err.println("Error: " + migration.getMessage());
      return migration.isUsageError() ? USAGE : FAILED;
    }
    if (failure instanceof UsageError || failure instanceof LaunchOptions.LaunchError) {
      err.println("Error: " + failure.getMessage());
      return USAGE;
    }
    // An option value that does not convert was typed wrong; any other IllegalArgumentException is a failure.
    if (failure instanceof ConversionException) {
      err.println("Error: " + oneLine(failure.getCause() == null ? failure : failure.getCause()) + " (see `help`)");
      return USAGE;
    }
    err.println("Error: " + oneLine(failure) + (debug ? "" : " (run with --debug for details)"));
    return FAILED;
  }

  /** Spring Shell wraps what a command throws; the cause is what the user needs to see. */
  private static Throwable unwrap(Throwable thrown) {
    Throwable current = thrown;
    while (current.getCause() != null && current.getCause() != current
        && !(current instanceof MigrationException) && !(current instanceof UsageError)
        && !(current instanceof AlreadyReported) && !(current instanceof ConversionException)) {
      if (current instanceof InvocationTargetException || current.getClass().getName().startsWith("org.springframework")
          || current instanceof RuntimeException && current.getClass() == RuntimeException.class) {
        current = current.getCause();
      } else {
        break;
      }
    }
    return current;
  }

  private static String oneLine(Throwable failure) {
    return failure.getMessage() == null ? failure.getClass().getSimpleName()
        : DatabaseError.firstLine(failure.getMessage());
  }
}
