package com.authservice.migrate.repository;

import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.mybatis.IdPattern;
import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.mybatis.ScriptWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * MyBatis' {@code init}: a new repository with {@code scripts/} (MyBatis' own changelog script first, then
 * an empty first migration, and {@code bootstrap.sql}), {@code environments/development.properties} whose values
 * are {@code ${VARIABLE}} references (never a password) and a README. Like MyBatis, it only writes into a
 * new or empty folder, so it never overwrites a repository.
 */
public final class RepositoryInit {

  private final Clock clock;

  public RepositoryInit(Clock clock) {
    this.clock = clock;
  }

  /** Creates the repository in {@code repository} and returns the files written, in the order written. */
  public List<Path> create(Path repository, Optional<IdPattern> idPattern) {
    refuseExisting(repository);
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(repository.resolve("scripts"));
      Files.createDirectories(repository.resolve("environments"));
      written.add(copy("README", repository.resolve("README"), ""));
      written.add(copy("development.properties", repository.resolve("environments/development.properties"),
          idPattern.map(p -> "\n## Ids of new scripts: MyBatis' --idpattern, kept with the repository.\n"
              + IdPattern.SETTING + "=" + p.pattern() + "\n").orElse("")));
      written.add(copy("bootstrap.sql", repository.resolve("scripts/bootstrap.sql"), ""));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the repository in " + repository, e);
    }
    ScriptWriter scripts = new ScriptWriter(ScriptFolder.at(repository), clock, idPattern);
    written.add(scripts.writeChangelogScript());
    written.add(scripts.write("first migration", "-- Migration SQL that makes the change goes here.\n",
        "-- SQL that undoes the change goes here.\n"));
    return written;
  }

  /** MyBatis' rule: the folder may be missing or hold only hidden entries (.git, .svn, ...). */
  private static void refuseExisting(Path repository) {
    if (!Files.exists(repository)) {
      return;
    }
    if (!Files.isDirectory(repository)) {
      throw new StateConflict(repository + " is a file; init creates a repository in a new or empty folder.");
    }
    try (Stream<Path> entries = Files.list(repository)) {
      if (entries.anyMatch(entry -> !entry.getFileName().toString().startsWith("."))) {
        throw new StateConflict(repository + " is not empty: init creates a repository only in a new or empty "
            + "folder, so it never overwrites one. Choose another folder with --path.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + repository, e);
    }
  }

  private static Path copy(String template, Path target, String appended) throws IOException {
    try (InputStream in = RepositoryInit.class.getResourceAsStream(template)) {
      if (in == null) {
        throw new IOException("The template " + template + " is missing from the build");
      }
      Files.writeString(target, new String(in.readAllBytes(), StandardCharsets.UTF_8) + appended,
          StandardCharsets.UTF_8);
    }
    return target;
  }
}
