package com.authservice.migrate.javamigration;

import com.authservice.migrate.errors.InvalidArgument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The class {@code new --java} writes next to its stub: {@code java/migrations/<Name>.java} in the repository, named
 * after the description, with {@code up} and {@code down} to fill in.
 */
public final class JavaSkeleton {

  /** Every class {@code new --java} writes lives in this package, under the repository's {@code java/} folder. */
  public static final String PACKAGE = "migrations";

  private JavaSkeleton() {
  }

  /** "backfill user emails" becomes {@code migrations.BackfillUserEmails}; a leading digit gets an {@code M}. */
  public static String className(String description) {
    String simple = Arrays.stream(description.split("[^A-Za-z0-9]+")).filter(word -> !word.isEmpty())
        .map(word -> word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1))
        .collect(Collectors.joining());
    if (simple.isEmpty()) {
      throw new InvalidArgument("A Java migration's description needs a letter or digit to name its class, "
          + "for example: new --java \"Backfill user emails\"");
    }
    return PACKAGE + "." + (Character.isDigit(simple.charAt(0)) ? "M" + simple : simple);
  }

  /** Where the source of {@code className} goes in {@code repository}. */
  public static Path sourceFile(Path repository, String className) {
    return repository.resolve("java").resolve(className.replace('.', '/') + ".java");
  }

  /** Refuses a class that exists, before anything is written: two stubs must not share one class. */
  public static void requireAbsent(Path repository, String className) {
    Path file = sourceFile(repository, className);
    if (Files.exists(file)) {
      throw new InvalidArgument(file + " exists already; describe the new migration differently, so that its "
          + "class gets another name.");
    }
  }

  /** Writes the skeleton of {@code className} for the migration described by {@code description}. */
  public static Path write(Path repository, String className, String description, String scriptFileName) {
    Path file = sourceFile(repository, className);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, source(className, description, scriptFileName), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  static String source(String className, String description, String scriptFileName) {
    int dot = className.lastIndexOf('.');
    return """
        package %s;

        import com.authservice.migrate.javamigration.JavaMigration;

        /** %s (scripts/%s names this class). */
        public final class %s implements JavaMigration {

          @Override
          public void up(Context context) throws Exception {
            // The change, on context.connection() (the migration's transaction: do not commit or close it).
            throw new UnsupportedOperationException("write up() of %s");
          }

          @Override
          public void down(Context context) throws Exception {
            // What undoes the change; leave it empty if nothing needs undoing.
            throw new UnsupportedOperationException("write down() of %s");
          }

          // For a batched backfill that commits after each batch, override transactional() to return false; then
          // up() must pick up where a failed run stopped, since what it committed stays.
        }
        """.formatted(className.substring(0, dot), description, scriptFileName, className.substring(dot + 1), className,
        className);
  }
}
