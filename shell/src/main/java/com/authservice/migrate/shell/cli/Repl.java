package com.authservice.migrate.shell.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedStyle;
import org.jline.utils.AttributedString;

/**
 * The interactive console: a prompt naming the target database, tab completion, history in
 * {@code ~/.auth-migrate/history}. Ctrl-C abandons the line, not the session; Ctrl-D or {@code exit} leaves.
 */
public final class Repl {

  private final ReplHost session;
  private final CommandDispatcher dispatcher;
  private final Completer completer;

  public Repl(ReplHost session, CommandDispatcher dispatcher, Completer completer) {
    this.session = session;
    this.dispatcher = dispatcher;
    this.completer = completer;
  }

  public int run(Terminal terminal, Path historyFile) {
    DefaultParser parser = new DefaultParser();
    parser.setEofOnUnclosedQuote(true);
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("auth-migrate")
        .completer(completer)
        .parser(parser)
        .variable(LineReader.HISTORY_FILE, historyFile)
        // Nothing typed here should hold a password, but never keep a line that mentions one.
        .variable(LineReader.HISTORY_IGNORE, "*assword*:*PASSWORD*:*secret*")
        .option(LineReader.Option.AUTO_LIST, true)
        .build();
    createParent(historyFile);
    LongLines longLines = LongLines.refusedBy(reader);
    session.confirmWith(question -> withoutHistory(reader, () -> reader.readLine(question))
        .strip().toLowerCase().startsWith("y"));
    PrintWriter out = terminal.writer();
    out.println("auth-migrate console: type `help` for the commands, Tab to complete, `exit` to leave.");
    try {
      while (true) {
        String line;
        try {
          line = reader.readLine(prompt(terminal));
        } catch (UserInterruptException interrupted) {
          continue;
        } catch (EndOfFileException eof) {
          break;
        }
        if (longLines.refused(line, out)) {
          continue;
        }
        List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
        if (words.isEmpty()) {
          continue;
        }
        if (isExit(words)) {
          break;
        }
        dispatcher.execute(words, out);
        out.flush();
      }
      return CommandDispatcher.OK;
    } finally {
      try {
        reader.getHistory().save();
      } catch (IOException ignored) {
        // History is a convenience; losing it must not fail the session.
      }
    }
  }

  /** An answer to a confirmation question is not a command: it stays out of the history. */
  private static String withoutHistory(LineReader reader, Supplier<String> read) {
    reader.setVariable(LineReader.DISABLE_HISTORY, true);
    try {
      return read.get();
    } finally {
      reader.setVariable(LineReader.DISABLE_HISTORY, false);
    }
  }

  /** {@code exit} or {@code quit}, alone: the word that ends the console or a command file. */
  static boolean isExit(List<String> words) {
    return words.size() == 1 && (words.get(0).equals("exit") || words.get(0).equals("quit"));
  }

  private String prompt(Terminal terminal) {
    return new AttributedString(session.target() + "> ", AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN))
        .toAnsi(terminal);
  }

  private static void createParent(Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
