package com.authservice.migrate.mybatis;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes a new script named as the MyBatis CLI names them ({@code yyyyMMddHHmmss_words_of_description.sql},
 * or {@code 003_words_of_description.sql} with an {@link IdPattern}).
 * Our own template, because the one in MyBatis 3.4.0 and 3.5.0 jars lost its {@code ${description}}
 * placeholder at build time and writes "-- // The MyBatis parent POM." into every file.
 */
public final class ScriptWriter {

  private static final String CHANGELOG_TEMPLATE = "org/apache/ibatis/migration/template_changelog.sql";
  private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
  private static final Pattern DESCRIPTION = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _\\-]{0,119}");

  private final ScriptFolder folder;
  private final Clock clock;
  private final Optional<IdPattern> idPattern;

  public ScriptWriter(ScriptFolder folder, Clock clock) {
    this(folder, clock, Optional.empty());
  }

  public ScriptWriter(ScriptFolder folder, Clock clock, Optional<IdPattern> idPattern) {
    this.folder = folder;
    this.clock = clock;
    this.idPattern = idPattern;
  }

  /**
   * Writes the script with an id one second later than any existing one if the current second is taken
   * (with an id pattern: the next free number after the highest id).
   */
  public Path write(String description, String upSql, String undoSql) {
    String words = validate(description);
    return writeFile(words, "-- // " + words + "\n" + upSql.stripTrailing() + "\n\n-- //@UNDO\n"
        + undoSql.stripTrailing() + "\n");
  }

  /**
   * Writes MyBatis' own changelog script, {@code template_changelog.sql} from its jar, as the next script,
   * named as MyBatis' {@code init} names it ({@code <id>_create_changelog.sql}).
   */
  public Path writeChangelogScript() {
    try (InputStream template = ScriptWriter.class.getClassLoader().getResourceAsStream(CHANGELOG_TEMPLATE)) {
      if (template == null) {
        throw new IOException(CHANGELOG_TEMPLATE + " is missing from the class path");
      }
      return writeFile("create changelog", new String(template.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read MyBatis' " + CHANGELOG_TEMPLATE, e);
    }
  }

  private Path writeFile(String words, String body) {
    Path directory = folder.directory();
    LocalDateTime at = LocalDateTime.now(clock);
    List<Migration> existing = folder.migrations();
    for (int attempt = 0; attempt < 60; attempt++) {
      String id = candidate(existing, at, attempt);
      if (existing.stream().anyMatch(m -> m.id().equals(MigrationId.of(id)))) {
        continue;
      }
      Path file = directory.resolve(id + "_" + words.replace(' ', '_') + ".sql").normalize();
      if (!directory.equals(file.getParent())) {
        throw new InvalidArgument("The description would put the script outside " + directory);
      }
      try {
        Files.writeString(file, body, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        return file;
      } catch (FileAlreadyExistsException e) {
        // Another writer took this second; try the next.
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot write " + file, e);
      }
    }
    throw new InvalidArgument("Could not find a free migration id near " + candidate(existing, at, 0));
  }

  private String candidate(List<Migration> existing, LocalDateTime at, int attempt) {
    if (idPattern.isPresent()) {
      return idPattern.get().next(existing, attempt);
    }
    return ID_FORMAT.format(at.plusSeconds(attempt));
  }

  static String validate(String description) {
    String words = description == null ? "" : description.strip().replaceAll("\\s+", " ");
    if (words.isEmpty()) {
      throw new InvalidArgument("A migration needs a description, for example: new \"Add phone_number to users\"");
    }
    if (!DESCRIPTION.matcher(words).matches()) {
      throw new InvalidArgument("A description may hold letters, digits, spaces, - and _ (at most 120), "
          + "not \"" + words + "\"");
    }
    return words;
  }
}
