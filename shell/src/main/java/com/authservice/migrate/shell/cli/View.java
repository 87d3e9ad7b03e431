package com.authservice.migrate.shell.cli;

import tools.jackson.databind.node.ObjectNode;

/**
 * The two renderings of one result type: text for people, a JSON document for pipelines. Both are built from
 * the same result, so they cannot say different things; neither decides whether the command failed.
 */
public interface View<R> {

  Class<R> type();

  String text(R result, Style style);

  /** The command's fields; the dispatcher adds {@code command} before them and {@code exitCode} after. */
  ObjectNode json(R result);

  static <R> View<R> of(Class<R> type, Text<R> text, Document<R> json) {
    return new View<>() {
      @Override
      public Class<R> type() {
        return type;
      }

      @Override
      public String text(R result, Style style) {
        return text.render(result, style);
      }

      @Override
      public ObjectNode json(R result) {
        return json.render(result);
      }
    };
  }

  @FunctionalInterface
  interface Text<R> {
    String render(R result, Style style);
  }

  @FunctionalInterface
  interface Document<R> {
    ObjectNode render(R result);
  }
}
