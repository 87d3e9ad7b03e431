package com.authservice.migrate.shell.view;

import com.authservice.migrate.result.StampResult;

/** {@code stamp} on {@code target}. */
public record Stamped(StampResult result, String target) {
}
