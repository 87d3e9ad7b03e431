package com.authservice.migrate.shell;

import com.authservice.migrate.shell.view.ConsoleVersion;
import com.authservice.migrate.shell.view.ConsoleViews;
import com.authservice.migrate.shell.image.NativeImageHints;
import com.authservice.migrate.shell.launch.ConsoleLogging;
import com.authservice.migrate.shell.launch.LaunchContext;
import com.authservice.migrate.shell.launch.LaunchOptions;
import com.authservice.migrate.shell.launch.NoMessages;
import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.shell.cli.OutputFormat;
import com.authservice.migrate.shell.cli.UsageError;
import com.authservice.migrate.shell.cli.CommandDispatcher;
import com.authservice.migrate.shell.cli.PositionalArguments;
import java.io.PrintWriter;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.support.EnvironmentPostProcessorApplicationListener;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.support.AbstractApplicationContext;

/**
 * The console's entry point. The process exit code is ours: 0 success, 1 a command failed,
 * 2 a usage error. Spring sees no command-line arguments; the console parses its own.
 * No auto-configuration: the console wires its few beans itself ({@link ConsoleConfiguration}), and
 * evaluating Boot's and Spring Shell's auto-configurations was most of a command's start-up time.
 */
@SpringBootConfiguration
@Import(ConsoleConfiguration.class)
@ImportRuntimeHints(NativeImageHints.class)
public class MigrateApplication {

  public static void main(String[] args) {
    System.exit(run(args, LaunchContext.ofProcess()));
  }

  /** Runs the console to completion and returns its exit code; tests call this in-process. */
  public static int run(String[] args, LaunchContext launch) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
      options.output(launch.environment()); // a bad MIGRATE_OUTPUT is refused before anything starts
    } catch (UsageError e) {
      return withoutCommands(launch, false, LaunchOptions.outputAskedFor(args, launch.environment()))
          .fail(e, new PrintWriter(launch.out(), true));
    }
    if (options.version()) {
      // The version needs neither a database nor a command: answered before the Spring context starts, which
      // was nearly all of its time (bench/startup.sh).
      return withoutCommands(launch, options.debug(), options.output(launch.environment()))
          .show("--version", options.results(launch), ConsoleVersion::current);
    }
    ConsoleLogging.configure(options.debug(), launch.err());
    SpringApplication application = new SpringApplication(MigrateApplication.class);
    // The console's few Spring settings are fixed, so they are set here rather than read from
    // application.properties: Boot's search for that file (five places, the working folder among them) was
    // a fifth of the context's start-up, and a stray file in a user's folder must not change the console.
    application.setListeners(application.getListeners().stream()
        .filter(listener -> !(listener instanceof EnvironmentPostProcessorApplicationListener)).toList());
    application.setBannerMode(Banner.Mode.OFF);
    application.setLazyInitialization(true);
    // Boot's conversion service for binding properties: the console binds none (commands have their own).
    application.setAddConversionService(false);
    application.addInitializers(context -> {
      context.getBeanFactory().registerSingleton("launchOptions", options);
      context.getBeanFactory().registerSingleton("launchContext", launch);
      context.getBeanFactory().registerSingleton(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, new NoMessages());
    });
    ConfigurableApplicationContext context = application.run();
    return SpringApplication.exit(context);
  }

  /** A dispatcher that knows no command: for what is answered before the commands exist. */
  private static CommandDispatcher withoutCommands(LaunchContext launch, boolean debug, OutputFormat format) {
    return new CommandDispatcher(null, PositionalArguments.none(), launch.err(), debug, format,
        ConsoleViews.registry(), new Style(launch.terminal()));
  }
}
