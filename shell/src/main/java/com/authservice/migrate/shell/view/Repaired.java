package com.authservice.migrate.shell.view;

import com.authservice.migrate.result.RepairResult;

/** {@code repair} on {@code target}. */
public record Repaired(RepairResult result, String target) {
}
