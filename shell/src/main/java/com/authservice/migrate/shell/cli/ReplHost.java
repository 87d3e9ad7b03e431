package com.authservice.migrate.shell.cli;

import java.util.function.Predicate;

/** What the REPL needs from the program around it: the target its prompt names, and a way to ask a question. */
public interface ReplHost {

  /** Shown before {@code > } in the prompt, e.g. {@code staging:auth_service@db:5432}. */
  String target();

  /** From now on, {@code question} answers the yes/no questions commands ask. */
  void confirmWith(Predicate<String> question);
}
