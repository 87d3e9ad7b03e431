package com.authservice.migrate.repeatable;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.mybatis.Utf8Text;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code repeatable/} folder beside {@code scripts/}. It is a folder of its own because MyBatis'
 * {@code FileMigrationLoader} reads every {@code *.sql} of {@code scripts/} as {@code <number>_...} and fails on
 * any other name; a sibling folder is never read by it. Files are {@code R__<description>.sql} (Flyway's prefix),
 * applied in file name order.
 */
public final class RepeatableFolder {

  /** The folder's name, beside {@code scripts/}. */
  public static final String NAME = "repeatable";
  private static final Pattern FILE_NAME = Pattern.compile("R__([A-Za-z0-9][A-Za-z0-9_\\-.]{0,200})\\.sql");
  private static final Pattern DESCRIPTION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 _\\-.]{0,200}");

  private final Path folder;

  private RepeatableFolder(Path folder) {
    this.folder = folder;
  }

  /** The repeatable scripts of the repository {@code scripts} belongs to (none when it has no such folder). */
  public static RepeatableFolder of(ScriptFolder scripts) {
    return new RepeatableFolder(scripts.repeatableFolder());
  }

  /** Every repeatable script in file name order; a file named otherwise is refused, naming the convention. */
  public List<RepeatableScript> scripts() {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(path -> path.getFileName().toString())
          .filter(name -> !name.startsWith("."))
          .sorted()
          .map(this::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  private RepeatableScript read(String fileName) {
    Matcher name = FILE_NAME.matcher(fileName);
    if (!name.matches()) {
      throw new MalformedScript(NAME + "/" + fileName, "files in " + NAME + "/ must be named R__<description>.sql "
          + "(letters, digits, _ - .), for example R__active_users_view.sql; rename or move it.");
    }
    try {
      String content = Utf8Text.decode(NAME + "/" + fileName, Files.readAllBytes(folder.resolve(fileName)));
      return new RepeatableScript(fileName, name.group(1).replace('_', ' '), content);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + NAME + "/" + fileName, e);
    }
  }

  /** Writes an empty repeatable script for {@code description} and returns its path; an existing one is kept. */
  public Path write(String description) {
    String trimmed = description == null ? "" : description.strip();
    if (!DESCRIPTION.matcher(trimmed).matches()) {
      throw new InvalidArgument("A repeatable script's description may hold letters, digits, spaces, _ - and . "
          + "(it becomes the file name R__<description>.sql), for example: new --repeatable \"active users view\"");
    }
    String fileName = "R__" + trimmed.replace(' ', '_') + ".sql";
    Path file = folder.resolve(fileName);
    if (Files.exists(file)) {
      throw new StateConflict(NAME + "/" + fileName + " exists already: edit it, and up applies it again.");
    }
    String template = "-- " + trimmed + ": a repeatable script, applied again by `up` whenever this file changes.\n"
        + "-- Write it so that it can run over its previous version (CREATE OR REPLACE VIEW/FUNCTION, DROP ... IF\n"
        + "-- EXISTS then CREATE, GRANT). It has no undo: `down` leaves what it made.\n";
    try {
      Files.createDirectories(folder);
      Files.writeString(file, template, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new StateConflict("Cannot write " + file + ": " + e.getMessage()
          + "; pass --path to a migrations folder you can write.");
    }
    return file;
  }
}
