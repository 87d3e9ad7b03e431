package com.authservice.migrate.shell.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * A command's output writer in JSON mode: the dispatcher hands in the document its result's view builds; text
 * printed beside it (none, normally) goes to stderr. Stdout gets exactly one document per command, each on one
 * line, with {@code command} first and {@code exitCode} (and on failure {@code error}, {@code message}) last.
 */
public final class JsonOutput extends PrintWriter {

  private final StringWriter text;
  private final List<ObjectNode> documents = new ArrayList<>();
  private String command;

  /** {@code command} is null for a step that is not a command: it writes a document only when it fails. */
  public JsonOutput(String command) {
    this(new StringWriter(), command);
  }

  private JsonOutput(StringWriter text, String command) {
    super(text);
    this.text = text;
    this.command = command;
  }

  /** Hands in the command's result: {@code fields} follow {@code command} in its document. */
  public static void write(PrintWriter out, ObjectNode fields) {
    JsonOutput json = (JsonOutput) (out instanceof CommandOutput output ? output.beneath() : out);
    ObjectNode document = Json.object().put("command", json.command);
    document.setAll(fields);
    json.documents.add(document);
  }

  /** The command's name once it is known (an alias or a prefix was typed). */
  public void named(String name) {
    this.command = name;
  }

  /**
   * Writes what the command left to {@code out}: its documents, any text it printed besides going to {@code err};
   * or its text as one document. A failure is added to the last document, so that it stays one.
   */
  public void finish(PrintWriter out, PrintStream err, int exitCode, Optional<Failure> failure) {
    flush();
    String printed = text.toString();
    if (!printed.isBlank()) {
      err.print(printed);
      err.flush();
    }
    if (documents.isEmpty()) {
      if (command == null && failure.isEmpty()) {
        return;
      }
      documents.add(Json.object().put("command", command));
    }
    ObjectNode last = documents.get(documents.size() - 1);
    failure.ifPresent(f -> last.put("error", f.code()).put("message", f.message()).put("exitCode", f.exitCode()));
    documents.stream().filter(document -> !document.has("exitCode")).forEach(document -> document.put("exitCode", exitCode));
    if ((out instanceof CommandOutput output ? output.beneath() : out) instanceof JsonOutput outer) {
      // A command run by another (source): its documents are the outer command's output, as they are.
      outer.documents.addAll(documents);
      return;
    }
    documents.forEach(document -> out.println(Json.line(document)));
    out.flush();
  }
}
