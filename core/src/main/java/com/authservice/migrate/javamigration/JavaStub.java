package com.authservice.migrate.javamigration;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.MalformedScript;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The script that holds a Java migration's place in {@code scripts/}: its id and description in the file name, the
 * class in a {@code -- migrate:java <class>} header line (a plain comment to MyBatis), and a body that makes the
 * MyBatis CLI fail instead of recording the migration as applied without running it.
 */
public final class JavaStub {

  private static final Pattern HEADER = Pattern.compile("(?m)^[ \\t]*--[ \\t]*migrate:java\\b[ \\t]*(\\S*)[ \\t]*$");
  /** A binary class name: dot-separated Java identifiers (nested classes with {@code $}). */
  private static final Pattern CLASS_NAME = Pattern.compile(
      "\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

  private JavaStub() {
  }

  /** The class a script names, if it is a Java migration's stub; a malformed class name is refused. */
  public static Optional<String> className(String fileName, String content) {
    Matcher header = HEADER.matcher(content);
    if (!header.find()) {
      return Optional.empty();
    }
    String name = header.group(1);
    if (!CLASS_NAME.matcher(name).matches()) {
      throw new MalformedScript(fileName, "\"" + header.group().strip() + "\" does not name a Java class; write "
          + "-- migrate:java followed by the class's fully qualified name, e.g. -- migrate:java com.example.Backfill");
    }
    return Optional.of(name);
  }

  /**
   * Offline SQL cannot hold a Java migration: {@code script} over one refuses, naming it, rather than writing a file
   * that would skip it (psql would apply what follows it on a database that lacks it).
   */
  public static void refuseOffline(String fileName, String content) {
    className(fileName, content).ifPresent(name -> {
      throw new InvalidArgument("Offline SQL cannot contain " + fileName + ": it is a Java migration (" + name
          + "); script the ranges before and after it, and run it with `up` (or `down`) on the database.");
    });
  }

  /** The line of the header, for messages that point at the script. */
  public static int headerLine(String content) {
    Matcher header = HEADER.matcher(content);
    if (!header.find()) {
      return 1;
    }
    return (int) content.substring(0, header.start()).chars().filter(c -> c == '\n').count() + 1;
  }

  /**
   * The up part of a stub for {@code className}: the header naming the class, and SQL that stops the MyBatis CLI.
   * The description line and the undo marker are the script writer's.
   */
  public static String upSql(String className) {
    requireClassName(className);
    return "-- migrate:java " + className + "\n"
        + "-- The migration is the Java class above; the auth-migrate console runs it (up and down).\n"
        + "-- The statement below only stops the MyBatis CLI from recording it as applied without running it.\n"
        + refusal(className, "up") + "\n";
  }

  /** The undo part of a stub: SQL that stops the MyBatis CLI's {@code down}. */
  public static String undoSql(String className) {
    requireClassName(className);
    return refusal(className, "down") + "\n";
  }

  /** A whole stub script, as {@code new --java} writes it. */
  public static String render(String description, String className) {
    return "-- // " + description + "\n" + upSql(className) + "\n-- //@UNDO\n" + undoSql(className);
  }

  private static void requireClassName(String className) {
    if (!CLASS_NAME.matcher(className).matches()) {
      throw new IllegalArgumentException("not a class name: " + className);
    }
  }

  /** One line, so that MyBatis' line-by-line splitter sends it whole. A class name needs no quoting. */
  private static String refusal(String className, String command) {
    return "DO $$ BEGIN RAISE EXCEPTION 'this migration is written in Java (" + className
        + "): run it with the auth-migrate console (bin/migrate " + command + ")'; END $$;";
  }
}
