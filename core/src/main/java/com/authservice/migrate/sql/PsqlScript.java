package com.authservice.migrate.sql;

import com.authservice.migrate.errors.MalformedScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A script as psql would run it, minus what only psql can do. {@code COPY ... FROM stdin} takes the lines after
 * it, up to a line {@code \.}, as its data (what {@code pg_dump} writes); the runner sends them through pgjdbc's
 * {@code CopyManager}. Backslash meta-commands ({@code \set}, {@code \i}, {@code \connect}, ...) and
 * {@code :variables} are psql's, not PostgreSQL's: the script is refused before anything runs rather than sent
 * to a server that would fail on them half-way.
 */
public final class PsqlScript {

  private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?is)^copy\\b.*\\bfrom\\s+stdin\\b.*");
  private static final String END_OF_DATA = "\\.";

  /** One statement, and for a {@code COPY ... FROM stdin} the data lines that follow it in the script. */
  public record Command(SqlStatements.Statement statement, Optional<String> copyData) {
  }

  private PsqlScript() {
  }

  /** The commands of {@code sql} (a script's up or undo part, starting on {@code firstLine} of {@code fileName}). */
  public static List<Command> read(String fileName, String sql, int firstLine) {
    List<Command> commands = new ArrayList<>();
    String rest = sql;
    int restLine = firstLine;
    boolean more = true;
    while (more) {
      more = false;
      PsqlLexer lexer = new PsqlLexer(rest, restLine);
      List<SqlStatements.Statement> statements = lexer.statements();
      for (int index = 0; index < statements.size(); index++) {
        SqlStatements.Statement statement = statements.get(index);
        refusePsqlOnly(fileName, lexer, index);
        if (!COPY_FROM_STDIN.matcher(statement.sql()).matches()) {
          commands.add(new Command(statement, Optional.empty()));
          continue;
        }
        int dataStart = lineAfterTerminator(rest, restLine, statement);
        int dataEnd = endOfData(rest, dataStart);
        if (dataEnd < 0) {
          throw new MalformedScript(fileName, "line " + statement.line() + ": the data of COPY ... FROM stdin has no "
              + "line \\. ending it; end the data with a line holding only \\.");
        }
        commands.add(new Command(statement, Optional.of(rest.substring(dataStart, dataEnd))));
        int after = rest.indexOf('\n', dataEnd);
        after = after < 0 ? rest.length() : after + 1;
        restLine += count(rest, 0, after);
        rest = rest.substring(after);
        more = true;
        break;
      }
    }
    return commands;
  }

  /** Refuses the statement at {@code index} when it holds a psql meta-command or variable. */
  private static void refusePsqlOnly(String fileName, PsqlLexer lexer, int index) {
    for (PsqlOnly found : lexer.psqlOnly()) {
      if (found.statement() == index) {
        throw found.refusal(fileName);
      }
    }
  }

  /** Where the line after the one holding the statement's {@code ;} starts; psql reads the data from there. */
  private static int lineAfterTerminator(String text, int textLine, SqlStatements.Statement statement) {
    int lineStart = 0;
    for (int line = textLine; line < statement.line(); line++) {
      lineStart = text.indexOf('\n', lineStart) + 1;
    }
    int start = text.indexOf(statement.sql(), lineStart);
    int terminator = start < 0 ? -1 : text.indexOf(';', start + statement.sql().length());
    int newline = text.indexOf('\n', terminator < 0 ? lineStart : terminator);
    return newline < 0 ? text.length() : newline + 1;
  }

  /** The offset of the line {@code \.} at or after {@code from}, or -1 when there is none. */
  private static int endOfData(String text, int from) {
    int lineStart = from;
    while (lineStart < text.length()) {
      int newline = text.indexOf('\n', lineStart);
      int lineEnd = newline < 0 ? text.length() : newline;
      if (text.substring(lineStart, lineEnd).stripTrailing().equals(END_OF_DATA)) {
        return lineStart;
      }
      lineStart = lineEnd + 1;
    }
    return -1;
  }

  private static int count(String text, int from, int to) {
    int newlines = 0;
    for (int i = from; i < to; i++) {
      if (text.charAt(i) == '\n') {
        newlines++;
      }
    }
    return newlines;
  }
}
