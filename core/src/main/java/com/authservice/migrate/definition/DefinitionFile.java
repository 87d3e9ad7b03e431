package com.authservice.migrate.definition;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * One {@code environments/<name>.properties} or {@code fleets/<name>.properties}, parsed once: the one place the
 * repository's definition files are read; the environment's and the fleet's readers interpret the keys.
 *
 * @param shown how messages name the file ({@code environments/staging.properties})
 */
public record DefinitionFile(String name, Path file, String shown, Properties keys) {

  /** Fails with {@link Unusable} when the file cannot be read or is not a properties file. */
  public static DefinitionFile read(String name, Path file) {
    String shown = file.getParent().getFileName() + "/" + file.getFileName();
    Properties keys = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      keys.load(reader);
      return new DefinitionFile(name, file, shown, keys);
    } catch (IOException e) {
      throw new Unusable("cannot read " + shown + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new Unusable(shown + " is not a properties file: " + e.getMessage());
    }
  }

  /**
   * The file gives no usable definition (a variable not set, a bad value, an unreadable secret): the other
   * definitions still work, and this one says why when it is chosen.
   */
  public static final class Unusable extends RuntimeException {
    public Unusable(String reason) {
      super(reason, null, false, false);
    }
  }
}
