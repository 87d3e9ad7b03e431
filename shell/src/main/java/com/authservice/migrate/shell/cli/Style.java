package com.authservice.migrate.shell.cli;

/** ANSI styling on a terminal, plain text when the output is piped or redirected. */
public final class Style {

  private final boolean ansi;

  public Style(boolean ansi) {
    this.ansi = ansi;
  }

  public String bold(String text) {
    return wrap("1", text);
  }

  public String green(String text) {
    return wrap("32", text);
  }

  public String yellow(String text) {
    return wrap("33", text);
  }

  public String red(String text) {
    return wrap("31", text);
  }

  public String dim(String text) {
    return wrap("2", text);
  }

  public boolean isAnsi() {
    return ansi;
  }

  private String wrap(String code, String text) {
    return ansi ? "\u001B[" + code + "m" + text + "\u001B[0m" : text;
  }
}
