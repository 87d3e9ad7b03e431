package com.authservice.migrate.sql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a plain {@code '...'} string treats backslash as an escape, as the script itself decides with
 * {@code SET [SESSION|LOCAL] standard_conforming_strings} or {@code RESET}. psql reads the server's setting
 * when it starts a line, so a change applies from the line after the statement that made it; this follows
 * that. {@code SET LOCAL} lasts until the transaction ends; a rolled-back {@code SET} is not tracked.
 */
final class ConformingStrings {

  private static final Pattern SET = Pattern.compile(
      "(?is)SET\\s+(?:(SESSION|LOCAL)\\s+)?standard_conforming_strings\\s*(?:=|\\bTO\\b)\\s*(.*?)\\s*");
  private static final Pattern RESET = Pattern.compile("(?is)RESET\\s+(standard_conforming_strings|ALL)\\s*");
  private static final Pattern TRANSACTION_END = Pattern.compile("(?is)(COMMIT|ROLLBACK|END|ABORT)\\b.*");

  private boolean session = true;
  private Boolean local;
  private boolean current = true;
  /** Index from which the value the last statement set applies: the start of the following line. */
  private int pendingFrom = -1;

  /** Whether a plain string starting at {@code index} is standard (backslash is an ordinary character). */
  boolean standardAt(int index) {
    if (pendingFrom >= 0 && index >= pendingFrom) {
      current = effective();
      pendingFrom = -1;
    }
    return current;
  }

  /** A statement {@code sql} ended; {@code nextLine} is where the line after its semicolon starts. */
  void statementEnded(String sql, int nextLine) {
    Matcher set = SET.matcher(sql);
    if (set.matches()) {
      Boolean value = value(set.group(2));
      if (value == null) {
        return;
      }
      if ("local".equalsIgnoreCase(set.group(1))) {
        local = value;
      } else {
        session = value;
        local = null;
      }
    } else if (RESET.matcher(sql).matches()) {
      session = true;
      local = null;
    } else if (TRANSACTION_END.matcher(sql).matches()) {
      local = null;
    }
    pendingFrom = effective() != current ? nextLine : -1;
  }

  private boolean effective() {
    return local != null ? local : session;
  }

  /** PostgreSQL's boolean spellings (parse_bool), quoted or not; {@code DEFAULT} is on. */
  private static Boolean value(String written) {
    String v = written.split("\\s+", 2)[0].replaceAll("^['\"]|['\"]$", "").toLowerCase(Locale.ROOT);
    if (v.equals("default") || v.equals("on") || v.equals("1")
        || !v.isEmpty() && ("true".startsWith(v) || "yes".startsWith(v))) {
      return true;
    }
    if (v.equals("0") || !v.isEmpty() && ("false".startsWith(v) || "no".startsWith(v))
        || v.length() >= 2 && "off".startsWith(v)) {
      return false;
    }
    return null;
  }
}
