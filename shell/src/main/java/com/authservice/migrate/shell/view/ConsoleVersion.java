package com.authservice.migrate.shell.view;

import com.authservice.migrate.shell.image.NativeImageHints;

/** {@code --version}: the console's version and the Java runtime it runs on. */
public record ConsoleVersion(String version, String runtime) {

  public static ConsoleVersion current() {
    return new ConsoleVersion(ofThisBuild(), thisRuntime());
  }

  /** The console's own version, from the jar's manifest. */
  public static String ofThisBuild() {
    String version = ConsoleVersion.class.getPackage().getImplementationVersion();
    return version == null ? "(development build)" : version;
  }

  /** Which build runs: bin/migrate picks the native executable when one is built and current, else the JVM. */
  private static String thisRuntime() {
    return NativeImageHints.inImage() ? "native" : "JVM " + System.getProperty("java.version");
  }
}
