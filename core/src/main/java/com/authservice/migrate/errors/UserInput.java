package com.authservice.migrate.errors;

/**
 * The one place where what a user typed is quoted back in a message: a pasted line can be tens of thousands of
 * characters long, and a message must stay one readable line.
 */
public final class UserInput {

  /** How much of a typed word a message shows before it is cut with an ellipsis. */
  public static final int SHOWN = 40;

  private UserInput() {
  }

  /** The word as typed, cut to {@value #SHOWN} characters with "…" when it is longer. */
  public static String shorten(String typed) {
    return typed.length() <= SHOWN ? typed : typed.substring(0, SHOWN) + "…";
  }

  /** The word in double quotes, shortened. */
  public static String quote(String typed) {
    return "\"" + shorten(typed) + "\"";
  }
}
