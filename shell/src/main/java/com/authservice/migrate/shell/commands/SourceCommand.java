package com.authservice.migrate.shell.commands;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.shell.cli.AlreadyReported;
import com.authservice.migrate.shell.cli.CommandDispatcher;
import com.authservice.migrate.shell.cli.CommandScript;
import com.authservice.migrate.shell.session.ConsoleSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Command;

/**
 * Spring Shell's built-in {@code script FILE}, renamed: here {@code script} is MyBatis' offline SQL.
 * Runs a file of commands, stopping at the first failure.
 */
public class SourceCommand {

  private final ConsoleSession session;
  private final ObjectProvider<CommandDispatcher> dispatcher;

  public SourceCommand(ConsoleSession session, ObjectProvider<CommandDispatcher> dispatcher) {
    this.session = session;
    this.dispatcher = dispatcher;
  }

  @Command(name = "source", group = "Built-In Commands", description = "Run a file of commands, stopping at the first failure",
      help = """
          Usage: source <FILE>
            source deploy.txt  one command per line; # starts a comment (same as: migrate @deploy.txt)""")
  public void source(@Argument(index = 0, description = "file of commands") String file, CommandContext context)
      throws IOException {
    Path path = session.launch().workingDir().resolve(RunCommands.required(file, "source needs a file"));
    if (!Files.isReadable(path)) {
      throw new InvalidArgument("Cannot read command file " + path);
    }
    try (BufferedReader lines = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      int code = new CommandScript(dispatcher.getObject()).run(lines, context.outputWriter(), session.launch().err());
      if (code != CommandDispatcher.OK) {
        throw new AlreadyReported(code);
      }
    }
  }
}
