package com.authservice.migrate.spring;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.mybatis.ScriptFolder;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * {@code authmigrate.location} read as Spring writes resource locations: {@code classpath:db/migrations} (scripts
 * inside a jar work too) or {@code file:migrations}; a bare path is a folder on disk.
 */
public final class ScriptLocation {

  private static final String CLASSPATH = "classpath:";
  private static final String FILE = "file:";
  /** Resource names only: no {@code ..}, no URL, nothing a property could use to reach outside the class path. */
  private static final Pattern RESOURCE_ROOT = Pattern.compile("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-.]*[A-Za-z0-9_\\-])*");

  private ScriptLocation() {
  }

  public static ScriptFolder resolve(String location, ClassLoader loader) {
    if (location == null || location.isBlank()) {
      throw new InvalidArgument("authmigrate.location is empty: name the folder that holds scripts/, for example "
          + AuthMigrateProperties.DEFAULT_LOCATION);
    }
    if (location.startsWith(CLASSPATH)) {
      String root = trimSlashes(location.substring(CLASSPATH.length()));
      if (!RESOURCE_ROOT.matcher(root).matches() || root.contains("..")) {
        throw new InvalidArgument("authmigrate.location=" + location + " is not a class path folder: write "
            + "classpath:db/migrations (letters, digits, -, _ and / only)");
      }
      return ScriptFolder.onClasspath(root, loader);
    }
    String path = location.startsWith(FILE) ? location.substring(FILE.length()) : location;
    if (path.contains(":") && !path.startsWith("/")) {
      throw new InvalidArgument("authmigrate.location=" + location + " must start with classpath: or file:");
    }
    return ScriptFolder.at(Path.of(path));
  }

  private static String trimSlashes(String root) {
    String trimmed = root;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }
}
