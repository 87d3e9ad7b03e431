package com.authservice.migrate.shell.cli;

import java.util.Optional;

/**
 * A result that can say the command failed although it has something to show (a gate that said no, a
 * {@code --force} run past failures): the dispatcher renders it, then fails with this exception, whose error
 * fields join the result's JSON document.
 */
public interface Outcome {

  Optional<RuntimeException> failure();
}
