package com.authservice.migrate.result;

import java.time.Duration;
import java.util.List;

/**
 * One attempt of {@code migration} that could not get its locks within {@code waited} and was rolled back.
 *
 * @param blockers the sessions whose open transactions hold locks on tables, longest-running first
 * @param retryIn when it runs again
 */
public record LockTimedOut(Migration migration, Duration waited, int attempt, int attempts, List<Blocker> blockers,
    Duration retryIn) {
}
