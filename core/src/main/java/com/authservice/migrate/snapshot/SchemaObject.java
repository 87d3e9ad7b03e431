package com.authservice.migrate.snapshot;

/**
 * One object of a schema as a {@link SchemaSnapshot} holds it: what it is ({@code kind} and {@code name}, which
 * identify it) and its definition as one line of SQL ({@code definition}, which says what it is like).
 */
public record SchemaObject(Kind kind, String name, String definition) implements Comparable<SchemaObject> {

  /** The kinds of objects, in the order a schema file lists them: what others depend on first. */
  public enum Kind {
    EXTENSION, TYPE, SEQUENCE, TABLE, COLUMN, CONSTRAINT, INDEX, VIEW, FUNCTION, TRIGGER, COMMENT;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What identifies the object in messages: {@code column users.email}, {@code index ix_users_email}. */
  public String label() {
    return kind.word() + " " + name;
  }

  @Override
  public int compareTo(SchemaObject other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : name.compareTo(other.name);
  }
}
