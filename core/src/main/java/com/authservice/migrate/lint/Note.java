package com.authservice.migrate.lint;

/**
 * Something lint could not judge, said as such rather than guessed: a statement the parser cannot read
 * ("could not parse: not checked"), or a {@code migrate:allow} naming no rule.
 */
public record Note(String fileName, int line, String text) {
}
