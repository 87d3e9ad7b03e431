package com.authservice.migrate;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.UserInput;
import com.authservice.migrate.result.Direction;
import java.util.regex.Pattern;

/**
 * Where {@code up}, {@code down} and friends go: {@code head}, {@code base}, a number of steps
 * ({@code +2}, {@code -1}), or a migration id or unique id prefix — Alembic's target syntax.
 */
public sealed interface Target {

  /** Every pending migration. */
  record Head() implements Target {
  }

  /** Before the first migration: nothing applied. */
  record Base() implements Target {
  }

  record Steps(int count) implements Target {
    public Steps {
      if (count < 1) {
        throw new InvalidArgument("The number of steps must be at least 1, not " + count);
      }
    }
  }

  /** A migration id, or a prefix of one that matches exactly one migration. */
  record Id(String prefix) implements Target {
  }

  Pattern RELATIVE = Pattern.compile("[+-]\\d{1,9}");
  Pattern DIGITS = Pattern.compile("\\d{1,20}");
  /** An unsigned number this short is a count of steps ({@code up 2}); longer ones are migration ids. */
  Pattern COUNT = Pattern.compile("\\d{1,6}");

  static Target head() {
    return new Head();
  }

  static Target base() {
    return new Base();
  }

  static Target steps(int count) {
    return new Steps(count);
  }

  static Target parse(String text) {
    String value = text == null ? "" : text.strip();
    if (value.equalsIgnoreCase("head")) {
      return new Head();
    }
    if (value.equalsIgnoreCase("base")) {
      return new Base();
    }
    if (RELATIVE.matcher(value).matches()) {
      return new Steps(Math.abs(Integer.parseInt(value)));
    }
    if (DIGITS.matcher(value).matches()) {
      return new Id(value);
    }
    throw new InvalidArgument(
        UserInput.quote(value) + " is not a target: use head, base, +N, -N or a migration id (prefix)");
  }

  /**
   * A target for a command that goes {@code direction}: a sign pointing the other way ({@code up -1},
   * {@code downgrade +1}) is refused rather than read as its absolute value.
   */
  static Target parse(String text, Direction direction) {
    String value = text == null ? "" : text.strip();
    if (RELATIVE.matcher(value).matches() && (value.charAt(0) == '-') == (direction == Direction.UP)) {
      String count = value.substring(1);
      throw new InvalidArgument(direction == Direction.UP
          ? value + " counts backwards, but this command applies migrations: use +" + count + " or " + count
              + " (down undoes them)"
          : value + " counts forwards, but this command undoes migrations: use -" + count + " or " + count
              + " (up applies them)");
    }
    return parse(value);
  }

  /**
   * The positional argument of {@code up}/{@code down}: a short unsigned number counts steps ({@code down 2},
   * as in MyBatis); anything else is read as by {@link #parse(String, Direction)}.
   */
  static Target countOrTarget(String text, Direction direction) {
    String value = text == null ? "" : text.strip();
    return COUNT.matcher(value).matches() ? new Steps(Integer.parseInt(value)) : parse(value, direction);
  }
}
