package com.authservice.migrate.shell.cli;

import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.shell.launch.NoConstraints;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.shell.core.command.CommandRegistry;
import org.springframework.shell.core.command.annotation.Argument;
import org.springframework.shell.core.command.annotation.Arguments;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;

/**
 * A console of a few made-up commands on the framework alone, registered the way the real console registers its
 * own: what the framework's tests run, with no database and no Spring Boot.
 */
final class SampleConsole {

  record Greeting(String name, boolean loud, String states) {
  }

  /** A result that is shown, then fails the command, as a gate does. */
  record Gate(boolean open) implements Outcome {
    @Override
    public Optional<RuntimeException> failure() {
      return open ? Optional.empty() : Optional.of(new GateFailed("the gate is closed"));
    }
  }

  static final Views VIEWS = Views.of(List.of(
      View.of(Greeting.class, (greeting, style) -> (greeting.loud() ? "HELLO, " : "Hello, ") + greeting.name() + "!"
          + (greeting.states() == null ? "" : " [" + greeting.states() + "]") + "\n",
          greeting -> Json.object().put("name", greeting.name())),
      View.of(Gate.class, (gate, style) -> "gate " + (gate.open() ? "open" : "closed") + "\n",
          gate -> Json.object().put("open", gate.open()))));

  public static class Commands {

    @Command(name = "greet", description = "Say hello", help = "Usage: greet [NAME] [--loud] [--fail-on STATES]")
    public Greeting greet(@Argument(index = 0, description = "who") String name,
        @Option(longName = "loud", defaultValue = "false", description = "shout") Boolean loud,
        @Option(longName = "fail-on", description = "a list of states") String states) {
      return new Greeting(name == null || name.isEmpty() ? "world" : name, Boolean.TRUE.equals(loud), states);
    }

    @Command(name = {"env", "list"}, description = "A command of two words")
    public Greeting envList() {
      return new Greeting("environments", false, null);
    }

    @Command(name = "say", alias = "echo", description = "Free text")
    public Greeting say(@Arguments List<String> words) {
      return new Greeting(String.join(" ", words), false, null);
    }

    @Command(name = "refuse", description = "Fails as core does on input it cannot use")
    public void refuse() {
      throw new InvalidArgument("no migration matches \"abc\"; see `status`");
    }

    @Command(name = "crash", description = "Fails as nothing should")
    public void crash() {
      throw new IllegalStateException("the unexpected happened");
    }

    @Command(name = "gate", description = "Shows its result, then fails when closed")
    public Gate gate(@Option(longName = "open", defaultValue = "false", description = "open it") Boolean open) {
      return new Gate(Boolean.TRUE.equals(open));
    }
  }

  static List<Method> methods() {
    return Arrays.stream(Commands.class.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Command.class))
        .toList();
  }

  static CommandRegistry registry() {
    GenericApplicationContext context = new GenericApplicationContext();
    context.registerBean(Commands.class, Commands::new);
    context.registerBean(jakarta.validation.Validator.class, NoConstraints::new);
    context.refresh();
    CommandRegistry registry = new CommandRegistry();
    for (Method method : methods()) {
      CommandFactoryBean factory = new CommandFactoryBean(method);
      factory.setApplicationContext(context);
      registry.registerCommand(factory.getObject());
    }
    return registry;
  }

  /** What one command line printed and returned. */
  record Ran(int exitCode, String out, String err) {
  }

  private final boolean debug;
  private final OutputFormat format;
  private final CommandRegistry registry = registry();

  SampleConsole(boolean debug, OutputFormat format) {
    this.debug = debug;
    this.format = format;
  }

  static SampleConsole text() {
    return new SampleConsole(false, OutputFormat.TEXT);
  }

  CommandRegistry commands() {
    return registry;
  }

  CommandDispatcher dispatcher(PrintStream err) {
    return new CommandDispatcher(registry, PositionalArguments.of(methods()), err, debug, format, VIEWS,
        new Style(false));
  }

  Ran run(String... words) {
    return capture((dispatcher, out, err) -> dispatcher.execute(List.of(words), out));
  }

  /** {@code lines} as a file of commands. */
  Ran script(String lines) {
    return capture((dispatcher, out, err) -> new CommandScript(dispatcher).run(
        new BufferedReader(new StringReader(lines)), out, err));
  }

  interface Step {
    int run(CommandDispatcher dispatcher, PrintWriter out, PrintStream err);
  }

  private Ran capture(Step step) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StringWriter out = new StringWriter();
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    int code = step.run(dispatcher(errStream), new PrintWriter(out, true), errStream);
    return new Ran(code, out.toString(), err.toString(StandardCharsets.UTF_8));
  }
}
