package com.authservice.migrate.definition;

import com.authservice.migrate.settings.DotEnv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A folder of {@code <name>.properties} definitions in the migrations repository ({@code environments/},
 * {@code fleets/}): which file defines which name, the variables their {@code ${VAR}}s may use, and which names
 * are protected when a file does not say.
 */
public final class DefinitionFolder {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,62}");
  private static final Pattern SCRIPT_VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");

  private DefinitionFolder() {
  }

  /** Name to file, by name; a file whose name could not be typed as a name is left out. None without a folder. */
  public static Map<String, Path> files(Path folder) {
    Map<String, Path> files = new LinkedHashMap<>();
    if (folder == null || !Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> listed = Files.list(folder)) {
      for (Path file : listed.sorted().toList()) {
        String fileName = file.getFileName().toString();
        String name = fileName.substring(0, Math.max(0, fileName.length() - ".properties".length()));
        if (fileName.endsWith(".properties") && NAME.matcher(name).matches()) {
          files.put(name, file);
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  /**
   * Every definition of {@code folder}, read by {@code reader}, by name; a file the reader finds unusable goes to
   * {@code unusable} with the reason, and the others still work. A reader returns null to leave a file out.
   */
  public static <T> Map<String, T> read(Path folder, Function<DefinitionFile, T> reader,
      Map<String, String> unusable) {
    Map<String, T> read = new LinkedHashMap<>();
    files(folder).forEach((name, file) -> {
      try {
        T definition = reader.apply(DefinitionFile.read(name, file));
        if (definition != null) {
          read.put(name, definition);
        }
      } catch (DefinitionFile.Unusable e) {
        unusable.put(name, e.getMessage());
      }
    });
    return read;
  }

  /** What {@code ${VAR}} may name: the process environment over {@code .env}, as for the default environment. */
  public static Map<String, String> variables(Map<String, String> env, Path workingDir) {
    Map<String, String> variables = new HashMap<>(DotEnv.read(workingDir.resolve(".env")));
    variables.putAll(env);
    return variables;
  }

  /**
   * The variables the repository's scripts use as {@code ${name}}: a definition file may set them (MyBatis reads
   * every key that is not a setting as one), and a key that no script uses is a mistake. None without a folder.
   */
  public static Set<String> scriptVariables(Path repository) {
    Set<String> used = new TreeSet<>();
    Path scripts = repository == null ? null : repository.resolve("scripts");
    if (scripts == null || !Files.isDirectory(scripts)) {
      return used;
    }
    try (Stream<Path> listed = Files.list(scripts)) {
      for (Path script : listed.filter(path -> path.toString().endsWith(".sql")).toList()) {
        Matcher matcher = SCRIPT_VARIABLE.matcher(Files.readString(script, StandardCharsets.UTF_8));
        while (matcher.find()) {
          used.add(matcher.group(1));
        }
      }
      return used;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the scripts in " + scripts, e);
    }
  }

  /** The names that are protected unless their file says otherwise: {@code MIGRATE_PROTECTED_ENVS}, default production. */
  public static Set<String> protectedNames(Map<String, String> env) {
    return Arrays.stream(env.getOrDefault("MIGRATE_PROTECTED_ENVS", "production").split(","))
        .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
  }
}
