package com.authservice.migrate.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A psql script made into plain SQL, the same text for psql and for our splitter: psql meta-command lines
 * removed, {@code \g}-family terminators written as {@code ;}, and each {@code COPY ... FROM stdin} line (or
 * {@code stdout}, the same to the server) removed with the inline data that follows it (through {@code \.}),
 * since that data is not SQL.
 */
record CorpusFile(String sql, int metaLines, int terminators, int copies, int copyDataLines) {

  private static final Pattern META = Pattern.compile("^\\s*\\\\.*");
  private static final Pattern SEND = Pattern.compile("\\\\(g|gx|gset|gexec|gdesc|crosstabview|watch)\\b.*$");
  private static final Pattern COPY_FROM_STDIN = Pattern.compile("(?i).*\\bcopy\\b.*\\bfrom\\s+(stdin|stdout)\\b.*");
  private static final String END_OF_DATA = "\\.";

  static CorpusFile of(String psqlScript) {
    String[] lines = psqlScript.split("\n", -1);
    boolean[] copyData = copyData(lines);
    StringBuilder sql = new StringBuilder();
    int meta = 0;
    int terminators = 0;
    int copies = 0;
    int dataLines = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (copyData[i]) {
        // Kept as an empty line, so that line numbers stay those of the original file.
        if (COPY_FROM_STDIN.matcher(line).matches()) {
          copies++;
        } else {
          dataLines++;
        }
        line = "";
      } else if (META.matcher(line).matches()) {
        meta++;
        line = "";
      } else if (SEND.matcher(line).find()) {
        terminators++;
        line = SEND.matcher(line).replaceFirst(";");
      }
      sql.append(line).append(i + 1 < lines.length ? "\n" : "");
    }
    return new CorpusFile(sql.toString(), meta, terminators, copies, dataLines);
  }

  /** Marks each COPY FROM stdin line, and the lines from it to the {@code \.} that ends its data. */
  private static boolean[] copyData(String[] lines) {
    boolean[] data = new boolean[lines.length];
    int lastCopy = -1;
    List<Integer> copies = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (COPY_FROM_STDIN.matcher(lines[i]).matches()) {
        lastCopy = i;
        copies.add(i);
        data[i] = true;
      } else if (lines[i].strip().equals(END_OF_DATA) && lastCopy >= 0) {
        // A COPY the server refuses reads no data: a \. belongs to the nearest COPY before it.
        for (int j = lastCopy; j <= i; j++) {
          data[j] = true;
        }
      }
    }
    return data;
  }
}
