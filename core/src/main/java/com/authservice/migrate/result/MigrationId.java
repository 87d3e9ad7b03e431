package com.authservice.migrate.result;

import java.math.BigDecimal;

/** A migration's id: the number that starts its file name (MyBatis uses a 14-digit timestamp). */
public record MigrationId(BigDecimal value) implements Comparable<MigrationId> {

  public MigrationId {
    if (value == null || value.signum() < 0 || value.scale() > 0) {
      throw new IllegalArgumentException("A migration id is a non-negative whole number: " + value);
    }
  }

  public static MigrationId of(String digits) {
    return new MigrationId(new BigDecimal(digits));
  }

  @Override
  public int compareTo(MigrationId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value.toPlainString();
  }
}
