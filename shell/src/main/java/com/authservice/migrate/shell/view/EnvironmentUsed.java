package com.authservice.migrate.shell.view;

/** {@code use}: the console now targets {@code target} of the environment {@code name}. */
public record EnvironmentUsed(String name, String target, boolean isProtected) {
}
