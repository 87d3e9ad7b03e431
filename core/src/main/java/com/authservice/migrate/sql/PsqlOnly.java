package com.authservice.migrate.sql;

import com.authservice.migrate.errors.MalformedScript;

/**
 * What psql handles itself and PostgreSQL never sees, as {@link PsqlLexer} found it: a backslash meta-command
 * ({@code \set}, {@code \i}, {@code \gset}, ...) or a variable ({@code :name}, {@code :'name'}, {@code :"name"}).
 *
 * @param statement the index of the statement it is in, among those the lexer returned
 * @param line the script's line it is on
 * @param what what it is, in words
 */
record PsqlOnly(int statement, int line, String what) {

  static PsqlOnly metaCommand(int statement, int line, String command) {
    return new PsqlOnly(statement, line, command + " is a psql meta-command");
  }

  static PsqlOnly variable(int statement, int line, String variable) {
    return new PsqlOnly(statement, line, "\"" + variable + "\" is a psql variable");
  }

  MalformedScript refusal(String fileName) {
    return new MalformedScript(fileName, "line " + line + ": " + what + ", which only psql understands; the console "
        + "sends SQL to PostgreSQL as it is written: remove it, or write its value into the SQL");
  }
}
