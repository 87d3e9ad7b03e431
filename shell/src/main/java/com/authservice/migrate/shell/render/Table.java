package com.authservice.migrate.shell.render;

import com.authservice.migrate.shell.cli.Style;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A plain aligned text table; styled cells keep their alignment because ANSI codes are not counted. */
public final class Table {

  private static final Pattern ANSI = Pattern.compile("\u001B\\[[0-9;]*m");

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  public Table(String... headers) {
    this.headers = List.of(headers);
  }

  public Table row(String... cells) {
    rows.add(List.of(cells));
    return this;
  }

  public String render(Style style) {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], visible(row.get(i)));
      }
    }
    StringBuilder text = new StringBuilder();
    List<String> styledHeaders = headers.stream().map(style::bold).toList();
    line(text, styledHeaders, widths);
    List<String> rule = new ArrayList<>();
    for (int width : widths) {
      rule.add("-".repeat(width));
    }
    line(text, rule, widths);
    rows.forEach(row -> line(text, row, widths));
    return text.toString();
  }

  private static void line(StringBuilder text, List<String> cells, int[] widths) {
    StringBuilder row = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      String cell = cells.get(i);
      row.append(cell);
      if (i < cells.size() - 1) {
        row.append(" ".repeat(widths[i] - visible(cell) + 2));
      }
    }
    text.append(row.toString().stripTrailing()).append('\n');
  }

  private static int visible(String cell) {
    return cell.indexOf('\u001B') < 0 ? cell.length() : ANSI.matcher(cell).replaceAll("").length();
  }
}
