package com.authservice.migrate.info;

import java.util.Optional;

/**
 * What {@code info} reports: the versions of the pieces a run depends on (MyBatis' {@code info} shows its
 * own and Java's). {@code server} is PostgreSQL's {@code version()}; when the server cannot be reached,
 * {@code serverProblem} says why instead.
 */
public record VersionInfo(String myBatisMigrations, String driver, String java, String os, Optional<String> server,
    Optional<String> serverProblem) {
}
