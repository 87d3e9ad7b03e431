package com.authservice.migrate.autogenerate.schema;

import java.util.List;

/** A plain index on columns (not one that backs a primary key or unique constraint). */
public record Index(String name, List<String> columns, boolean unique) {
  public Index {
    columns = List.copyOf(columns);
  }
}
