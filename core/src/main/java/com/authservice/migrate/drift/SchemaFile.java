package com.authservice.migrate.drift;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.settings.YesNo;
import com.authservice.migrate.snapshot.SchemaSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code schema.sql} beside {@code scripts/}: the schema the migrations produce at head, one object a line in a
 * fixed order (Rails' {@code structure.sql}, dbmate's {@code schema.sql}). It holds no date, id or server version,
 * so the same scripts always give the same bytes and a pull request shows its schema change as a diff.
 */
public final class SchemaFile {

  public static final String NAME = "schema.sql";
  /** The key, in an environment's {@code environments/<env>.properties}, that rewrites the file after changes. */
  public static final String SETTING = "schema_file";

  static final String HEADER = """
      -- The schema that the migrations in scripts/ produce at head, read from pg_catalog: one object a line,
      -- sorted, the changelog table left out. Written by migrate (verify --write-schema); do not edit it by hand.
      """;

  private final Path file;

  private SchemaFile(Path file) {
    this.file = file;
  }

  /** The file of the repository {@code scripts} belong to; a repository packaged in the jar has none. */
  public static SchemaFile of(ScriptFolder scripts) {
    return new SchemaFile(scripts.repository().orElseThrow(() -> new InvalidArgument("The scripts at "
        + scripts.location() + " are packaged in the jar, which has no " + NAME + ": pass --path to the migrations "
        + "folder of your checkout.")).resolve(NAME));
  }

  /**
   * Whether the environment's file turns the file on ({@code schema_file=true}): then {@code up} and
   * {@code new --autogenerate} rewrite it. A value that is not yes or no is an error, never a silent no.
   */
  public static boolean isOn(ScriptFolder scripts) {
    String value = scripts.variable(SETTING, "false");
    return YesNo.parse(value).orElseThrow(() -> new InvalidArgument(SETTING + " takes " + YesNo.ACCEPTED
        + ", not \"" + value + "\" (in the repository's environments/*.properties)"));
  }

  public Path path() {
    return file;
  }

  /** The file's text for {@code head}. */
  public static String text(SchemaSnapshot head) {
    return HEADER + head.render();
  }

  /** Writes the text of {@code head}, replacing the file in one move; returns false when it already held it. */
  public boolean write(SchemaSnapshot head) {
    if (isCurrent(head)) {
      return false;
    }
    try {
      Path temporary = Files.createTempFile(file.getParent(), ".schema", ".sql");
      Files.writeString(temporary, text(head), StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + file, e);
    }
  }

  public boolean exists() {
    return Files.isRegularFile(file);
  }

  /** Whether the file holds exactly the text of {@code head}. */
  public boolean isCurrent(SchemaSnapshot head) {
    return read().map(text(head)::equals).orElse(false);
  }

  /**
   * Why the file is not the text of {@code head}: the file missing, or each line it has that the migrations do not
   * produce ({@code - }) and each they produce that it lacks ({@code + }). Empty when it is current.
   */
  public List<String> differences(SchemaSnapshot head) {
    Optional<String> written = read();
    if (written.isEmpty()) {
      return List.of(file + " does not exist");
    }
    Set<String> has = new LinkedHashSet<>(written.get().lines().toList());
    Set<String> wanted = new LinkedHashSet<>(text(head).lines().toList());
    List<String> differences = new ArrayList<>();
    has.stream().filter(line -> !wanted.contains(line)).forEach(line -> differences.add("- " + line));
    wanted.stream().filter(line -> !has.contains(line)).forEach(line -> differences.add("+ " + line));
    if (differences.isEmpty() && !written.get().equals(text(head))) {
      differences.add("the same lines in another order or spacing");
    }
    return differences;
  }

  private Optional<String> read() {
    if (!exists()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
  }
}
