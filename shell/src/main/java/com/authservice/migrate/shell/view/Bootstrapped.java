package com.authservice.migrate.shell.view;

/** {@code bootstrap}: scripts/bootstrap.sql ran on {@code target}, recorded nowhere. */
public record Bootstrapped(String target, int statements) {
}
