package com.authservice.migrate.shell.view;

/** {@code --version}: the console's version and the Java runtime it runs on. */
public record ConsoleVersion(String version, String runtime) {
}
