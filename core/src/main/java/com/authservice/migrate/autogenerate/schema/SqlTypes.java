package com.authservice.migrate.autogenerate.schema;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Spells a SQL type the way PostgreSQL's format_type does, so model and catalog types compare as text. */
public final class SqlTypes {

  private static final Map<String, String> ALIASES = Map.ofEntries(
      Map.entry("int8", "bigint"), Map.entry("int4", "integer"), Map.entry("int", "integer"),
      Map.entry("int2", "smallint"), Map.entry("bool", "boolean"), Map.entry("float8", "double precision"),
      Map.entry("float4", "real"), Map.entry("timestamptz", "timestamp with time zone"),
      Map.entry("timestamp", "timestamp without time zone"), Map.entry("timetz", "time with time zone"),
      Map.entry("time", "time without time zone"), Map.entry("varchar", "character varying"),
      Map.entry("char", "character"), Map.entry("decimal", "numeric"), Map.entry("serial", "integer"),
      Map.entry("bigserial", "bigint"));
  private static final Pattern WITH_MODIFIER = Pattern.compile("([a-z0-9 ]+?)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)(.*)");

  private SqlTypes() {
  }

  public static String canonical(String type) {
    String spelled = type.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher modified = WITH_MODIFIER.matcher(spelled);
    if (modified.matches()) {
      String base = ALIASES.getOrDefault(modified.group(1).strip(), modified.group(1).strip());
      String modifier = modified.group(3) == null ? modified.group(2) : modified.group(2) + "," + modified.group(3);
      String rest = modified.group(4).strip();
      if (base.startsWith("time")) {
        String zone = (base + " " + rest).contains("with time zone") ? " with time zone" : " without time zone";
        return (base.startsWith("timestamp") ? "timestamp" : "time") + "(" + modifier + ")" + zone;
      }
      return base + "(" + modifier + ")" + (rest.isEmpty() ? "" : " " + rest);
    }
    return ALIASES.getOrDefault(spelled, spelled);
  }
}
