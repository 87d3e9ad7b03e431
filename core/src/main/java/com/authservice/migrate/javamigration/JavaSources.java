package com.authservice.migrate.javamigration;

import com.authservice.migrate.errors.InvalidArgument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.security.CodeSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The Java migrations of a repository given by folder ({@code --path DIR}): the sources under {@code DIR/java},
 * compiled in this process with the JDK's compiler against this library, so that the console needs no build step of
 * its own. Compiled once per state of the sources (file names and modification times) for the life of the process.
 */
final class JavaSources {

  private static final Map<String, ClassLoader> COMPILED = new ConcurrentHashMap<>();

  private JavaSources() {
  }

  /** The sources' folder of {@code repository}, when it has one with at least one {@code .java} file. */
  static List<Path> sources(Path repository) {
    Path folder = repository.resolve("java");
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(file -> file.toString().endsWith(".java") && Files.isRegularFile(file)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + folder, e);
    }
  }

  /** Classes compiled from {@code sources}, seen after those of {@code parent}. */
  static ClassLoader compiled(Path repository, List<Path> sources, ClassLoader parent) {
    return COMPILED.computeIfAbsent(stateOf(sources), state -> compile(repository, sources, parent));
  }

  private static String stateOf(List<Path> sources) {
    StringBuilder state = new StringBuilder();
    for (Path source : sources) {
      try {
        state.append(source.toAbsolutePath()).append('@').append(Files.getLastModifiedTime(source).toMillis())
            .append('\n');
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + source, e);
      }
    }
    return state.toString();
  }

  private static ClassLoader compile(Path repository, List<Path> sources, ClassLoader parent) {
    Path folder = repository.resolve("java").toAbsolutePath().normalize();
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new InvalidArgument("The Java migrations in " + folder + " need a Java compiler, and this runtime is a "
          + "JRE: run the console on a JDK (JAVA_HOME), or compile them onto the console's class path.");
    }
    try {
      Path classes = Files.createTempDirectory("auth-migrate-java-");
      classes.toFile().deleteOnExit();
      DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
      try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
        List<String> options = List.of("-d", classes.toString(), "-classpath", libraryClassPath(), "-proc:none",
            "-nowarn", "-encoding", "UTF-8");
        boolean compiledWell = compiler.getTask(null, files, diagnostics, options, null,
            files.getJavaFileObjectsFromPaths(sources)).call();
        if (!compiledWell) {
          throw new InvalidArgument("The Java migrations in " + folder + " do not compile: "
              + firstError(diagnostics) + "; fix the source and run the command again.");
        }
      }
      return new URLClassLoader(new URL[] {classes.toUri().toURL()}, parent);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot compile the Java migrations in " + folder, e);
    }
  }

  private static String firstError(DiagnosticCollector<JavaFileObject> diagnostics) {
    return diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).findFirst()
        .map(d -> (d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + " line "
            + d.getLineNumber() + ": ") + d.getMessage(Locale.ROOT).lines().findFirst().orElse(""))
        .orElse("the compiler reported no error message");
  }

  /**
   * Where {@link JavaMigration} comes from (this library's jar, or its classes folder): what a migration compiles
   * against, with the JDK's own modules ({@code java.sql}).
   */
  private static String libraryClassPath() {
    CodeSource source = JavaMigration.class.getProtectionDomain().getCodeSource();
    if (source == null || !"file".equals(source.getLocation().getProtocol())) {
      throw new InvalidArgument("The Java migrations cannot be compiled here: this library is not loaded from a "
          + "file; run the console extracted (bin/migrate does), or compile them onto its class path yourself.");
    }
    try {
      return Path.of(source.getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("The library's own location is not a path: " + source.getLocation(), e);
    }
  }

}
