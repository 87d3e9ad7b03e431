package com.authservice.migrate.lint;

/**
 * One statement that breaks a rule: where it is, which rule, and what it touches ({@code users.age}).
 *
 * @param line the script line the statement starts on (1-based)
 */
public record Finding(String fileName, int line, Rule rule, String subject, String statement) {
}
