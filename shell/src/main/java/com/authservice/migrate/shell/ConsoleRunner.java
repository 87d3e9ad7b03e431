package com.authservice.migrate.shell;

import com.authservice.migrate.shell.cli.CommandDispatcher;
import com.authservice.migrate.shell.cli.CommandScript;
import com.authservice.migrate.shell.cli.Repl;
import com.authservice.migrate.shell.cli.StopSignals;
import com.authservice.migrate.shell.cli.UsageError;
import com.authservice.migrate.shell.launch.LaunchContext;
import com.authservice.migrate.shell.launch.LaunchOptions;
import com.authservice.migrate.shell.session.ConsoleSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.jline.reader.Completer;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Chooses the mode and owns the exit code (Spring Shell 4.0.1's runners never set one; {@code --version} is
 * answered before the context starts, in {@link MigrateApplication}): a command on
 * the command line runs once; {@code --file F} or {@code @F} runs a file of commands; commands piped on
 * standard input run in order; nothing at all on a terminal starts the REPL.
 */
public final class ConsoleRunner {

  private final ConsoleSession session;
  private final CommandDispatcher dispatcher;
  private final Supplier<? extends Completer> completer;

  /** {@code completer} is asked for only when the REPL starts: a command, a file or piped commands need none. */
  public ConsoleRunner(ConsoleSession session, CommandDispatcher dispatcher, Supplier<? extends Completer> completer) {
    this.session = session;
    this.dispatcher = dispatcher;
    this.completer = completer;
  }

  /** Runs what the launch asked for and returns the process's exit code. */
  public int run() throws IOException {
    LaunchOptions options = session.options();
    LaunchContext launch = session.launch();
    int exitCode;
    PrintWriter out = options.results(launch); // the REPL writes to its terminal: --quiet does not reach it
    boolean repl = options.command().isEmpty() && options.file().isEmpty() && launch.terminal();
    // Signals belong to the process: a console run inside another program (the tests) leaves its handlers alone.
    StopSignals signals = repl || launch.in() != System.in ? null : StopSignals.install(session::cancelAll);
    try {
      if (!options.command().isEmpty()) {
        exitCode = dispatcher.execute(options.command(), out);
      } else if (options.file().isPresent()) {
        exitCode = runFile(launch.workingDir().resolve(options.file().get()), out);
      } else if (!launch.terminal()) {
        exitCode = new CommandScript(dispatcher).run(
            new BufferedReader(new InputStreamReader(launch.in(), StandardCharsets.UTF_8)), out, launch.err());
      } else {
        // A target that cannot be used (half-set POSTGRES_*, an unknown --env) fails before the prompt appears.
        exitCode = dispatcher.attempt(session::checkTarget, out);
        if (exitCode == CommandDispatcher.OK) {
          try (Terminal terminal = terminal(launch)) {
            // Ctrl-C while a command runs (the line editor owns it at the prompt) cancels that command only.
            terminal.handle(Terminal.Signal.INT, signal -> session.cancelCommand());
            exitCode = new Repl(session, dispatcher, completer.get()).run(terminal, historyFile(launch));
          }
        }
      }
    } finally {
      out.flush();
      session.close();
    }
    return signals != null && signals.exitCode() != 0 ? signals.exitCode() : exitCode;
  }

  private int runFile(Path file, PrintWriter out) throws IOException {
    if (!Files.isReadable(file)) {
      return dispatcher.fail(new UsageError("cannot read command file " + file), out);
    }
    try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new CommandScript(dispatcher).run(lines, out, session.launch().err());
    }
  }

  /** The process's own terminal, or (for tests) a terminal over the given streams. */
  private static Terminal terminal(LaunchContext launch) throws IOException {
    if (launch.in() == System.in) {
      return TerminalBuilder.builder().system(true).build();
    }
    return TerminalBuilder.builder().system(false).streams(launch.in(), launch.out()).type("xterm-256color")
        .size(new org.jline.terminal.Size(160, 50)).build();
  }

  private static Path historyFile(LaunchContext launch) {
    String home = launch.environment().getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".auth-migrate", "history");
  }
}
