package com.authservice.migrate.shell.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The writer a command is given. Spring Shell prints what a command method returns with {@code println(Object)};
 * this writer keeps a result that has a view instead, for the dispatcher to render once the command is done.
 * Everything else (progress, a nested command's output) goes through to the writer beneath.
 */
public final class CommandOutput extends PrintWriter {

  private final PrintWriter beneath;
  private final Predicate<Object> rendered;
  private Object result;

  public CommandOutput(PrintWriter beneath, Predicate<Object> rendered) {
    super(beneath);
    this.beneath = beneath;
    this.rendered = rendered;
  }

  @Override
  public void println(Object value) {
    if (value != null && rendered.test(value)) {
      result = value;
    } else {
      super.println(value);
    }
  }

  public Optional<Object> result() {
    return Optional.ofNullable(result);
  }

  public PrintWriter beneath() {
    return beneath;
  }

  /** Whether stdout holds only JSON documents, so that progress must go to stderr. */
  public static boolean json(PrintWriter out) {
    PrintWriter writer = out instanceof CommandOutput output ? output.beneath : out;
    return writer instanceof JsonOutput;
  }
}
