package com.authservice.migrate.testing;

import com.authservice.migrate.mybatis.ScriptFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** A migrations repository in a temporary folder that a test may change freely. */
public final class TestScripts {

  private final Path repository;

  private TestScripts(Path repository) {
    this.repository = repository;
  }

  /** A copy of the project's own repository (the {@code migrations} module). */
  public static TestScripts copyOfProjectRepository(Path into) {
    TestScripts scripts = empty(into);
    try (Stream<Path> files = Files.list(projectRepository().resolve("scripts"))) {
      for (Path file : files.toList()) {
        Files.copy(file, scripts.scriptsDir().resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return scripts;
  }

  /** A repository holding only the changelog bootstrap script. */
  public static TestScripts withChangelogOnly(Path into) {
    TestScripts scripts = empty(into);
    try {
      Files.copy(projectRepository().resolve("scripts/20251001000000_create_changelog.sql"),
          scripts.scriptsDir().resolve("20251001000000_create_changelog.sql"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return scripts;
  }

  public static TestScripts empty(Path into) {
    try {
      Files.createDirectories(into.resolve("scripts"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new TestScripts(into);
  }

  /** The {@code migrations} module's folder, found from any module's working directory. */
  public static Path projectRepository() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("migrations/scripts"))) {
        return dir.resolve("migrations");
      }
    }
    throw new IllegalStateException("Cannot find the migrations module from " + Path.of("").toAbsolutePath());
  }

  public TestScripts write(String fileName, String content) {
    try {
      Files.writeString(scriptsDir().resolve(fileName), content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public TestScripts delete(String fileName) {
    try {
      Files.delete(scriptsDir().resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  public String read(String fileName) {
    try {
      return Files.readString(scriptsDir().resolve(fileName), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path repository() {
    return repository;
  }

  public Path scriptsDir() {
    return repository.resolve("scripts");
  }

  public ScriptFolder folder() {
    return ScriptFolder.at(repository);
  }
}
