package com.authservice.migrate.shell.commands;

import com.authservice.migrate.shell.render.json.JsonOutput;
import org.springframework.shell.core.command.CommandContext;
import org.springframework.shell.core.command.annotation.Command;

/** The console's own housekeeping: clearing the screen and leaving, so that {@code help} knows them too. */
public class SessionCommands {

  /** What Spring Shell's built-in {@code clear} prints: cursor home, then erase the screen. */
  private static final String CLEAR_SCREEN = "\u001B[H\u001B[2J";

  @Command(name = "clear", group = "Built-In Commands", description = "Clear the terminal screen (also Ctrl-L)")
  public void clear(CommandContext context) {
    if (!JsonOutput.wanted(context)) {
      context.outputWriter().print(CLEAR_SCREEN);
    }
  }

  /** The REPL and command files stop when they read this word, before it is dispatched; run alone it has nothing to end. */
  @Command(name = "exit", alias = "quit", group = "Built-In Commands",
      description = "Leave the interactive console (also Ctrl-D); in a command file, stop reading it", help = """
          Usage: exit
            exit               leave the console (quit and Ctrl-D do the same)""")
  public void exit() {
    // Nothing to do here: see the class comment.
  }
}
