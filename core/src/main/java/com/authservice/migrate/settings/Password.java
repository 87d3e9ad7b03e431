package com.authservice.migrate.settings;

/** A password that cannot leak through toString, logs or exception messages. */
public final class Password {
  private final String value;

  public Password(String value) {
    this.value = value == null ? "" : value;
  }

  /** The only way to read it: handing it to the JDBC driver. */
  public String reveal() {
    return value;
  }

  public boolean isEmpty() {
    return value.isEmpty();
  }

  @Override
  public String toString() {
    return "******";
  }
}
