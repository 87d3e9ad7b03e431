/**
 * Repeatable migrations (Flyway's {@code R__} scripts, Liquibase's {@code runOnChange}): views, functions,
 * triggers and grants kept in {@code repeatable/} beside {@code scripts/}, applied again whenever their content
 * changes, after the versioned migrations, in file name order. What was applied is recorded in a table of its own
 * beside the changelog, so MyBatis' changelog and CLI stay as they are.
 */
package com.authservice.migrate.repeatable;
