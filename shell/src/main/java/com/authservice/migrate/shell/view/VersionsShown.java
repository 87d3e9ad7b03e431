package com.authservice.migrate.shell.view;

import com.authservice.migrate.info.VersionInfo;

/** {@code info}: every version this run depends on, for a bug report. */
public record VersionsShown(String console, VersionInfo versions, String target) {
}
