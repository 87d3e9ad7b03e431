package com.authservice.migrate.shell.cli;

import com.authservice.migrate.errors.MigrationException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.core.convert.ConversionException;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.ExitStatus;

/**
 * Runs one command and owns what its outcome means to the process: 0 when it worked, 1 when it failed
 * (SQL error, unknown id, lock timeout, a state the database is not in, a gate that said no...), 2 only for what
 * was typed wrong (unknown command or option, a value that does not parse). Failures are one line on stderr;
 * the stack trace only with {@code --debug}. With {@code --output json} each command writes one document on
 * stdout, a failure included ({@link JsonOutput}); the line on stderr stays, for the people reading CI logs.
 */
public final class CommandDispatcher {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  private final CommandRegistry registry;
  private final CommandLine commandLine;
  private final PrintStream err;
  private final boolean debug;
  private final OutputFormat format;
  private final Views views;
  private final Style style;

  public CommandDispatcher(CommandRegistry registry, PositionalArguments arguments, PrintStream err, boolean debug,
      OutputFormat format, Views views, Style style) {
    this.registry = registry;
    this.commandLine = new CommandLine(registry, arguments);
    this.err = err;
    this.debug = debug;
    this.format = format;
    this.views = views;
    this.style = style;
  }

  public int execute(List<String> words, PrintWriter out) {
    return execute(words.isEmpty() ? "" : words.get(0), out, writer -> {
      Command command = commandLine.command(words);
      if (writer instanceof JsonOutput json) {
        json.named(command.getName());
      }
      CommandOutput output = new CommandOutput(writer, views::renders);
      ExitStatus status = command.execute(new CommandContext(commandLine.parse(command, words), registry, output,
          null));
      output.flush();
      if (status.code() != ExitStatus.OK.code()) {
        throw new AlreadyReported(status.code() == ExitStatus.USAGE_ERROR.code() ? USAGE : FAILED);
      }
      output.result().ifPresent(result -> render(result, writer));
    });
  }

  /**
   * Shows what the command returned, as text or as its JSON document; then a result that says it failed fails
   * the command, so that its error joins the document it already has.
   */
  private <R> void render(R result, PrintWriter writer) {
    View<R> view = views.of(result).orElseThrow();
    if (writer instanceof JsonOutput) {
      JsonOutput.write(writer, view.json(result));
    } else {
      writer.print(view.text(result, style));
    }
    writer.flush();
    if (result instanceof Outcome outcome) {
      outcome.failure().ifPresent(failure -> {
        throw failure;
      });
    }
  }

  /** Shows what {@code result} gives, as the command {@code name} would: its view, as text or as JSON. */
  public int show(String name, PrintWriter out, Supplier<?> result) {
    return execute(name, out, writer -> render(result.get(), writer));
  }

  /** Runs {@code step}, which is not a registered command, as the command {@code name} would run. */
  public int execute(String name, PrintWriter out, Step step) {
    JsonOutput json = format == OutputFormat.JSON ? new JsonOutput(name) : null;
    PrintWriter writer = json == null ? out : json;
    int code = OK;
    Optional<Failure> failure = Optional.empty();
    try {
      step.run(writer);
    } catch (Throwable thrown) {
      Throwable cause = unwrap(thrown);
      if (cause instanceof AlreadyReported reported) {
        code = reported.exitCode();
      } else {
        failure = Optional.of(report(cause));
        code = failure.get().exitCode();
      }
    }
    writer.flush();
    if (json != null) {
      json.finish(out, err, code, failure);
    }
    return code;
  }

  /** A step that is not a command, failing as a command would: one line and its exit code; silent when it works. */
  public int attempt(Runnable step, PrintWriter out) {
    return execute((String) null, out, writer -> step.run());
  }

  /** Reports {@code failure}, which happened outside any command (a command file, a global option). */
  public int fail(RuntimeException failure, PrintWriter out) {
    return attempt(() -> {
      throw failure;
    }, out);
  }

  /** What runs as a command: it writes to {@code out} and reports failure by throwing. */
  @FunctionalInterface
  public interface Step {
    void run(PrintWriter out) throws Exception;
  }

  private Failure report(Throwable failure) {
    if (debug) {
      failure.printStackTrace(err);
    }
    Failure described = Failure.of(failure, debug);
    err.println("Error: " + described.message());
    return described;
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
}
