package com.authservice.migrate.shell.view;

import com.authservice.migrate.result.StatusReport;

/** {@code current}: the newest applied migration of {@code target} and what is waiting. */
public record CurrentShown(StatusReport status, String target) {
}
