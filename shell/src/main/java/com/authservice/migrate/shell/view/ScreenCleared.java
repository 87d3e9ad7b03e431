package com.authservice.migrate.shell.view;

/** {@code clear}: on a terminal, the escape codes that clear it; nothing else to show. */
public record ScreenCleared() {
}
