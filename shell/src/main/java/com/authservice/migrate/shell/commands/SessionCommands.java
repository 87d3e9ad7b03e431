package com.authservice.migrate.shell.commands;

import com.authservice.migrate.shell.view.ScreenCleared;
import org.springframework.shell.core.command.annotation.Command;

/** The console's own housekeeping: clearing the screen and leaving, so that {@code help} knows them too. */
public class SessionCommands {

  @Command(name = "clear", group = "Built-In Commands", description = "Clear the terminal screen (also Ctrl-L)")
  public ScreenCleared clear() {
    return new ScreenCleared();
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
