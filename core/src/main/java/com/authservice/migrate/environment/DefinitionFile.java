package com.authservice.migrate.environment;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One {@code environments/<name>.properties} or {@code fleets/<name>.properties}, parsed once: the one place the
 * repository's definition files are read; {@link EnvironmentFile} and the fleet's reader interpret the keys.
 *
 * @param shown how messages name the file ({@code environments/staging.properties})
 */
public record DefinitionFile(String name, Path file, String shown, Properties keys) {

  /** Fails with {@link EnvironmentFile.Unusable} when the file cannot be read or is not a properties file. */
  public static DefinitionFile read(String name, Path file) {
    String shown = file.getParent().getFileName() + "/" + file.getFileName();
    Properties keys = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      keys.load(reader);
      return new DefinitionFile(name, file, shown, keys);
    } catch (IOException e) {
      throw new EnvironmentFile.Unusable("cannot read " + shown + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new EnvironmentFile.Unusable(shown + " is not a properties file: " + e.getMessage());
    }
  }
}
