package com.authservice.migrate.corpus;

import java.util.ArrayList;
import java.util.List;

/**
 * Pairs the statements psql sent with ours, in order. Equal statements match one to one; where the two
 * split differently, the shorter side takes more statements until both cover the same text again, and that
 * group is one difference.
 */
final class Alignment {

  /** One place where the two splits differ: the statements of each side that cover the same text. */
  record Difference(int line, List<String> psql, List<String> ours) {
  }

  private final List<Difference> differences = new ArrayList<>();
  private int identical;

  /** @param oursLines the line each of {@code ours} starts on */
  Alignment(List<String> psql, List<String> ours, List<Integer> oursLines) {
    int i = 0;
    int j = 0;
    while (i < psql.size() || j < ours.size()) {
      if (i < psql.size() && j < ours.size() && psql.get(i).equals(ours.get(j))) {
        identical++;
        i++;
        j++;
        continue;
      }
      int line = j < ours.size() ? oursLines.get(j) : -1;
      int psqlStart = i;
      int oursStart = j;
      StringBuilder psqlText = new StringBuilder();
      StringBuilder ourText = new StringBuilder();
      do {
        if (i < psql.size() && (psqlText.length() <= ourText.length() || j >= ours.size())) {
          psqlText.append(key(psql.get(i++)));
        } else if (j < ours.size()) {
          ourText.append(key(ours.get(j++)));
        } else {
          break;
        }
      } while (!psqlText.toString().equals(ourText.toString()));
      differences.add(new Difference(line, psql.subList(psqlStart, i), ours.subList(oursStart, j)));
    }
  }

  /** Text without what the two sides may put between statements differently: spaces, semicolons, backslashes. */
  private static String key(String sql) {
    return sql.replaceAll("[\\s;\\\\]", "");
  }

  int identical() {
    return identical;
  }

  List<Difference> differences() {
    return differences;
  }
}
