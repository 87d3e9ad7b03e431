package com.authservice.migrate.shell.launch;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What the process was started with: the environment variables, the working folder and the standard
 * streams. A value of its own so tests can run the whole console in-process with their own.
 */
public record LaunchContext(Map<String, String> environment, Path workingDir, InputStream in, PrintStream out,
    PrintStream err, boolean terminal) {

  public static LaunchContext ofProcess() {
    return new LaunchContext(System.getenv(), Path.of("").toAbsolutePath(), System.in, System.out, System.err,
        System.console() != null);
  }
}
