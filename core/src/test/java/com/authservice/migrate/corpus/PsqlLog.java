package com.authservice.migrate.corpus;

import java.util.ArrayList;
import java.util.List;

/** The queries in a psql {@code -L} log file, in the order psql sent them; the log's result tables are skipped. */
final class PsqlLog {

  private static final String START = "********* QUERY **********\n";
  private static final String END = "\n**************************\n\n";

  private PsqlLog() {
  }

  static List<String> queries(String log) {
    List<String> queries = new ArrayList<>();
    int at = log.indexOf(START);
    while (at >= 0) {
      int end = log.indexOf(END, at + START.length());
      if (end < 0) {
        break;
      }
      queries.add(log.substring(at + START.length(), end));
      at = log.indexOf(START, end + END.length());
    }
    return queries;
  }
}
