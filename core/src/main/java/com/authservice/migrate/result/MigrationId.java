package com.authservice.migrate.result;

import java.math.BigDecimal;

/**
 * A migration's id: the number that starts its file name (MyBatis uses a 14-digit timestamp, or with
 * {@code --idpattern 000} a sequence such as {@code 001}). {@code digits} is the id as the file name
 * writes it, so {@code 001} shows as {@code 001}; equality and order go by the number alone, as in the
 * changelog table, where {@code 001} is stored as 1.
 */
public record MigrationId(BigDecimal value, String digits) implements Comparable<MigrationId> {

  public MigrationId {
    if (value == null || value.signum() < 0 || value.scale() > 0) {
      throw new IllegalArgumentException("A migration id is a non-negative whole number: " + value);
    }
    if (digits == null || new BigDecimal(digits).compareTo(value) != 0) {
      digits = value.toPlainString();
    }
  }

  /** An id read from the changelog table, which keeps the number only. */
  public MigrationId(BigDecimal value) {
    this(value, null);
  }

  public static MigrationId of(String digits) {
    return new MigrationId(new BigDecimal(digits), digits);
  }

  @Override
  public int compareTo(MigrationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MigrationId id && value.equals(id.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return digits;
  }
}
