package com.authservice.migrate.shell.cli;

import com.authservice.migrate.errors.UserInput;
import java.io.PrintWriter;
import org.jline.reader.LineReader;
import org.jline.reader.Widget;
import org.jline.reader.impl.LineReaderImpl;

/**
 * Keeps a pasted wall of text from freezing the REPL: JLine redraws the whole line after every key, so a
 * 60,000-character paste took minutes. A paste is inserted at once; past {@link #LONGEST} characters it is
 * counted, not inserted, and the line is refused with its length: neither run nor kept in the history.
 */
final class LongLines {

  /** Far beyond any command line of this console, short enough to redraw in microseconds. */
  static final int LONGEST = 1_000;

  private static final int DELETE = 127;

  private final LineReader reader;
  private int dropped;

  private LongLines(LineReader reader) {
    this.reader = reader;
  }

  static LongLines refusedBy(LineReader reader) {
    LongLines longLines = new LongLines(reader);
    Widget insert = reader.getWidgets().get(LineReader.SELF_INSERT);
    reader.getWidgets().put(LineReader.SELF_INSERT, () -> longLines.insert(insert));
    return longLines;
  }

  /**
   * Inserts the typed key, then whatever printable text already waits behind it (a paste) in one go: JLine would
   * redraw the line after each key. Past {@link #LONGEST} characters the text is counted, not inserted.
   */
  private boolean insert(Widget insert) {
    if (reader.getBuffer().length() >= LONGEST) {
      drop();
    } else if (!insert.apply()) {
      return false;
    }
    if (reader instanceof LineReaderImpl impl) {
      for (int next = impl.peekCharacter(1); next >= ' ' && next != DELETE; next = impl.peekCharacter(1)) {
        impl.readCharacter();
        if (reader.getBuffer().length() < LONGEST) {
          reader.getBuffer().write(next);
        } else {
          drop();
        }
      }
    }
    return true;
  }

  private void drop() {
    reader.setVariable(LineReader.DISABLE_HISTORY, true);
    dropped++;
  }

  /** True, after saying so on {@code out}, when {@code line} was too long to run; then ready for the next line. */
  boolean refused(String line, PrintWriter out) {
    int length = line.length() + dropped;
    dropped = 0;
    reader.setVariable(LineReader.DISABLE_HISTORY, false);
    if (length <= LONGEST) {
      return false;
    }
    out.printf("Error: that line has %,d characters; a command line has at most %,d (was it pasted by mistake?): %s%n",
        length, LONGEST, UserInput.quote(line));
    out.flush();
    return true;
  }
}
