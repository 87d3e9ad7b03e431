package com.authservice.migrate.shell.cli;

import java.util.Collection;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds JSON documents and writes each on one line; Jackson does the escaping. Loaded only in JSON mode. */
public final class Json {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private Json() {
  }

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** One element per item, made by {@code element}. */
  public static <T> ArrayNode array(Collection<T> items, Function<T, JsonNode> element) {
    ArrayNode array = MAPPER.createArrayNode();
    items.forEach(item -> array.add(element.apply(item)));
    return array;
  }

  /** Strings as they are, or anything else by its {@code toString()} (ids stay strings: they exceed 2^53). */
  public static ArrayNode strings(Collection<?> items) {
    ArrayNode array = MAPPER.createArrayNode();
    items.forEach(item -> array.add(item.toString()));
    return array;
  }

  /** The document on one line, so that a file of commands gives one document per line. */
  public static String line(JsonNode document) {
    return MAPPER.writeValueAsString(document);
  }
}
