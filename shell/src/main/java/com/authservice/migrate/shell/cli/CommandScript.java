package com.authservice.migrate.shell.cli;

import com.authservice.migrate.errors.UserInput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.jline.reader.EOFError;
import org.jline.reader.impl.DefaultParser;

/**
 * Runs lines of commands in order (a file, {@code @file}, or standard input), stopping at the first
 * one that fails and returning its exit code. Blank lines and {@code #} comments are skipped; words
 * are split as a shell would, so quotes work.
 */
public final class CommandScript {

  private final CommandDispatcher dispatcher;

  public CommandScript(CommandDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  public int run(BufferedReader lines, PrintWriter out, java.io.PrintStream err) {
    DefaultParser parser = new DefaultParser();
    // Without this JLine closes the quote itself and the line runs with words the user did not write.
    parser.setEofOnUnclosedQuote(true);
    int number = 0;
    try {
      for (String line; (line = lines.readLine()) != null; ) {
        number++;
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        List<String> words;
        try {
          words = words(parser, trimmed);
        } catch (EOFError unclosedQuote) {
          return dispatcher.fail(new UsageError("line " + number + ": unclosed quote"), out);
        }
        if (Repl.isExit(words)) {
          return CommandDispatcher.OK;
        }
        int code = dispatcher.execute(words, out);
        if (code != CommandDispatcher.OK) {
          err.println("Stopped at line " + number + ": " + UserInput.shorten(trimmed));
          return code;
        }
      }
      return CommandDispatcher.OK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> words(DefaultParser parser, String line) {
    return parser.parse(line, line.length(), org.jline.reader.Parser.ParseContext.ACCEPT_LINE).words().stream()
        .filter(word -> !word.isEmpty()).toList();
  }
}
