package com.authservice.migrate.lint;

import com.authservice.migrate.sql.SqlStatements.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -- migrate:allow <rule-id>[, <rule-id>] [(reason)]} comments of one script. A comment in the script's
 * header, set apart from the first statement by a blank line, accepts the finding for the whole script; one among
 * a statement's lines (from the end of the statement before it, or from the comments directly above the first
 * statement, to the line its semicolon is on) accepts it for that statement only.
 */
final class AllowComments {

  private static final Pattern ALLOW = Pattern.compile("--\\s*migrate:allow\\b([^\\n]*)");

  private final List<Statement> statements;
  private final Map<Integer, Set<String>> idsByLine = new HashMap<>();
  private final List<Note> unknown = new ArrayList<>();
  private final Set<String> wholeScript;
  private final int firstStatementFrom;

  AllowComments(String fileName, String sql, List<Statement> statements) {
    this.statements = statements;
    String[] lines = sql.split("\n", -1);
    for (int line = 1; line <= lines.length; line++) {
      Matcher allow = ALLOW.matcher(lines[line - 1]);
      while (allow.find()) {
        // The ids, then optionally why in parentheses: "-- migrate:allow ban-drop-column (nothing reads it)".
        String ids = allow.group(1).replaceFirst("\\(.*", "");
        for (String id : ids.strip().split("[\\s,]+")) {
          if (Rule.byId(id).isPresent()) {
            idsByLine.computeIfAbsent(line, l -> new HashSet<>()).add(id.toLowerCase());
          } else if (!id.isEmpty()) {
            unknown.add(new Note(fileName, line, "-- migrate:allow names no rule \"" + id + "\" (see `help lint`)"));
          }
        }
      }
    }
    this.firstStatementFrom = statements.isEmpty() ? 1 : attachedFrom(lines, statements.get(0).line());
    this.wholeScript = ids(1, firstStatementFrom - 1);
  }

  /**
   * The first line of the comments directly above {@code line}, with no blank line between: they belong to that
   * statement. A generated script's allow on its first statement must not also accept what is added below it.
   */
  private static int attachedFrom(String[] lines, int line) {
    int from = line;
    while (from > 1 && !lines[from - 2].isBlank()) {
      from--;
    }
    return from;
  }

  /** Whether {@code rule} is accepted for the statement at {@code index}. */
  boolean allows(int index, Rule rule) {
    if (wholeScript.contains(rule.id())) {
      return true;
    }
    int from = index == 0 ? firstStatementFrom : lastLine(index - 1) + 1;
    return ids(from, lastLine(index)).contains(rule.id());
  }

  /** Allow comments naming no rule: a typo would otherwise silently accept nothing. */
  List<Note> unknownIds() {
    return List.copyOf(unknown);
  }

  private int lastLine(int index) {
    Statement statement = statements.get(index);
    return statement.line() + (int) statement.sql().chars().filter(c -> c == '\n').count();
  }

  private Set<String> ids(int fromLine, int toLine) {
    Set<String> ids = new HashSet<>();
    for (int line = fromLine; line <= toLine; line++) {
      ids.addAll(idsByLine.getOrDefault(line, Set.of()));
    }
    return ids;
  }
}
