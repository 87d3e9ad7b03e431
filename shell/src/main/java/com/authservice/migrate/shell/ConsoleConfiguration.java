package com.authservice.migrate.shell;

import com.authservice.migrate.shell.view.ConsoleViews;
import com.authservice.migrate.shell.commands.EnvironmentCommands;
import com.authservice.migrate.shell.commands.FleetOptions;
import com.authservice.migrate.shell.cli.HelpCommand;
import com.authservice.migrate.shell.commands.LintCommands;
import com.authservice.migrate.shell.commands.VerifyCommands;
import com.authservice.migrate.shell.commands.ModelCommands;
import com.authservice.migrate.shell.commands.MyBatisCommands;
import com.authservice.migrate.shell.commands.RunCommands;
import com.authservice.migrate.shell.commands.ScriptCommands;
import com.authservice.migrate.shell.commands.SessionCommands;
import com.authservice.migrate.shell.commands.SourceCommand;
import com.authservice.migrate.shell.commands.StatusCommands;
import com.authservice.migrate.shell.cli.ConsoleCompleter;
import com.authservice.migrate.shell.cli.FixedCompletion;
import com.authservice.migrate.shell.commands.MigrationIdCompletion;
import com.authservice.migrate.shell.launch.LaunchContext;
import com.authservice.migrate.shell.launch.LaunchOptions;
import com.authservice.migrate.shell.launch.NoConstraints;
import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.shell.cli.Views;
import com.authservice.migrate.shell.cli.CommandDispatcher;
import com.authservice.migrate.shell.cli.PositionalArguments;
import com.authservice.migrate.shell.session.ConsoleSession;
import com.authservice.migrate.template.ScriptTemplate;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.ConfigurableConversionService;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.shell.core.command.AbstractCommand;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.CommandRegistry;

/**
 * The console's beans, wired by hand: the command classes are listed here rather than found by a
 * class-path scan (Spring Shell's default), which keeps start-up short.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

  @Bean(destroyMethod = "close")
  ConsoleSession consoleSession(LaunchOptions options, LaunchContext launch) {
    return new ConsoleSession(options, launch);
  }

  @Bean
  jakarta.validation.Validator commandParameterValidator() {
    return new NoConstraints();
  }

  /** Converts option values for every command: Spring Shell would otherwise build one per command. */
  @Bean
  ConfigurableConversionService commandOptionConversion() {
    return new DefaultConversionService();
  }

  @Bean
  StatusCommands statusCommands(ConsoleSession session) {
    return new StatusCommands(session);
  }

  @Bean
  RunCommands runCommands(ConsoleSession session) {
    return new RunCommands(session);
  }

  @Bean
  LintCommands lintCommands(ConsoleSession session) {
    return new LintCommands(session);
  }

  @Bean
  VerifyCommands verifyCommands(ConsoleSession session) {
    return new VerifyCommands(session);
  }

  @Bean
  ModelCommands modelCommands(ConsoleSession session) {
    return new ModelCommands(session);
  }

  @Bean
  ScriptCommands scriptCommands(ConsoleSession session, ModelCommands modelCommands) {
    return new ScriptCommands(session, modelCommands);
  }

  @Bean
  EnvironmentCommands environmentCommands(ConsoleSession session) {
    return new EnvironmentCommands(session);
  }

  @Bean
  SourceCommand sourceCommand(ConsoleSession session, ObjectProvider<CommandDispatcher> dispatcher) {
    return new SourceCommand(session, dispatcher);
  }

  @Bean
  MyBatisCommands myBatisCommands(ConsoleSession session) {
    return new MyBatisCommands(session);
  }

  @Bean
  SessionCommands sessionCommands() {
    return new SessionCommands();
  }

  @Bean
  HelpCommand helpCommand() {
    return new HelpCommand();
  }

  @Bean
  MigrationIdCompletion migrationIdCompletion(ConsoleSession session) {
    return new MigrationIdCompletion(session, true, true);
  }

  @Bean
  MigrationIdCompletion targetOptionCompletion(ConsoleSession session) {
    return new MigrationIdCompletion(session, true, false);
  }

  @Bean
  FixedCompletion templateCompletion() {
    return new FixedCompletion(() -> {
      Map<String, String> templates = new LinkedHashMap<>();
      Arrays.stream(ScriptTemplate.values()).forEach(t -> templates.put(t.optionName(), "template"));
      return templates;
    });
  }

  @Bean
  FixedCompletion environmentCompletion(ConsoleSession session) {
    return new FixedCompletion(() -> {
      Map<String, String> environments = new LinkedHashMap<>();
      session.environments().all().forEach(env -> environments.put(env.name(), env.connection().target()
          + (env.isProtected() ? " (protected)" : "")));
      return environments;
    });
  }

  @Bean
  CommandMethods commandMethods(LaunchOptions options) {
    return CommandMethods.forRun(options.command());
  }

  @Bean
  CommandRegistry commandRegistry(ApplicationContext context, CommandMethods commandMethods) {
    CommandRegistry registry = new CommandRegistry();
    for (Method method : commandMethods.methods()) {
      registry.registerCommand(withSharedOptions(AnnotatedCommand.of(method, context), method));
    }
    return registry;
  }

  /** Adds the options a group declares once ({@code --fleet ...}) to the command its method takes them for. */
  private static org.springframework.shell.core.command.Command withSharedOptions(
      org.springframework.shell.core.command.Command command, Method method) {
    List<CommandOption> shared = FleetOptions.declaredOn(method);
    if (!shared.isEmpty() && command instanceof AbstractCommand declared) {
      declared.setOptions(Stream.concat(command.getOptions().stream(), shared.stream()).toList());
    }
    return command;
  }

  @Bean
  CommandDispatcher commandDispatcher(CommandRegistry registry, CommandMethods commandMethods, LaunchOptions options,
      LaunchContext launch) {
    return new CommandDispatcher(registry, PositionalArguments.of(commandMethods.methods()), launch.err(), options.debug(), options.output(launch.environment()),
        ConsoleViews.registry(), new Style(launch.terminal()));
  }

  @Bean
  FixedCompletion fleetCompletion(ConsoleSession session) {
    return new FixedCompletion(() -> {
      Map<String, String> fleets = new LinkedHashMap<>();
      session.fleets().all().forEach(fleet -> fleets.put(fleet.name(), fleet.describe()
          + (fleet.isProtected() ? " (protected)" : "")));
      return fleets;
    });
  }

  @Bean
  ConsoleCompleter consoleCompleter(CommandRegistry registry,
      @Qualifier("fleetCompletion") FixedCompletion fleetCompletion) {
    return new ConsoleCompleter(registry, Map.of("fleet", fleetCompletion));
  }

  @Bean
  ConsoleRunner consoleRunner(ConsoleSession session, CommandDispatcher dispatcher,
      ObjectProvider<ConsoleCompleter> completer) {
    return new ConsoleRunner(session, dispatcher, completer::getObject);
  }
}
