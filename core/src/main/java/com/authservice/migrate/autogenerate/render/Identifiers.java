package com.authservice.migrate.autogenerate.render;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names in generated SQL, quoted exactly when PostgreSQL's {@code quote_ident} would quote them: a name that
 * is not all lower case letters, digits and underscores (so it would be folded or not parse), or a keyword
 * that is not unreserved. Plain names stay unquoted so scripts read as hand-written ones do.
 */
public final class Identifiers {

  private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

  /** PostgreSQL 18's keywords other than the unreserved ones ({@code pg_get_keywords() where catcode <> 'U'}). */
  private static final Set<String> KEYWORDS = Set.of(
      "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
      "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character", "check",
      "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create", "cross",
      "current_catalog", "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
      "current_user", "dec", "decimal", "default", "deferrable", "desc", "distinct", "do", "else", "end",
      "except", "exists", "extract", "false", "fetch", "float", "for", "foreign", "freeze", "from", "full",
      "grant", "greatest", "group", "grouping", "having", "ilike", "in", "initially", "inner", "inout", "int",
      "integer", "intersect", "interval", "into", "is", "isnull", "join", "json", "json_array",
      "json_arrayagg", "json_exists", "json_object", "json_objectagg", "json_query", "json_scalar",
      "json_serialize", "json_table", "json_value", "lateral", "leading", "least", "left", "like", "limit",
      "localtime", "localtimestamp", "merge_action", "national", "natural", "nchar", "none", "normalize",
      "not", "notnull", "null", "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer",
      "overlaps", "overlay", "placing", "position", "precision", "primary", "real", "references", "returning",
      "right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring",
      "symmetric", "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing",
      "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
      "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists", "xmlforest",
      "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable");

  private Identifiers() {
  }

  public static String quote(String name) {
    if (PLAIN.matcher(name).matches() && !KEYWORDS.contains(name)) {
      return name;
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
