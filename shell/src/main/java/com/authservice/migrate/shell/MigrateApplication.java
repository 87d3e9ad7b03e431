package com.authservice.migrate.shell;

import com.authservice.migrate.shell.view.ConsoleVersion;
import com.authservice.migrate.shell.view.ConsoleViews;
import com.authservice.migrate.shell.image.NativeImageHints;
import com.authservice.migrate.shell.launch.ConsoleLogging;
import com.authservice.migrate.shell.launch.LaunchContext;
import com.authservice.migrate.shell.launch.LaunchOptions;
import com.authservice.migrate.shell.launch.WarmUp;
import com.authservice.migrate.shell.cli.Style;
import com.authservice.migrate.shell.cli.OutputFormat;
import com.authservice.migrate.shell.cli.UsageError;
import com.authservice.migrate.shell.cli.CommandDispatcher;
import com.authservice.migrate.shell.cli.PositionalArguments;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.context.aot.AbstractAotProcessor;

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
    WarmUp.start();
    ConsoleLogging.configure(options.debug(), launch.err());
    if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
      return contextForAotProcessing(options, launch);
    }
    try (ConfigurableApplicationContext context = ConsoleContext.start(options, launch)) {
      return context.getBean(ConsoleRunner.class).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * At build time Spring AOT (the process-aot goal) runs {@code main} and takes the context from Boot's
   * {@code SpringApplication}, stopping it before it refreshes; runs then start the context themselves
   * ({@link ConsoleContext}).
   */
  private static int contextForAotProcessing(LaunchOptions options, LaunchContext launch) {
    SpringApplication application = new SpringApplication(MigrateApplication.class);
    application.setBannerMode(Banner.Mode.OFF);
    application.addInitializers(context -> ConsoleContext.registerLaunch(context, options, launch));
    application.run();
    return 0;
  }

  /** A dispatcher that knows no command: for what is answered before the commands exist. */
  private static CommandDispatcher withoutCommands(LaunchContext launch, boolean debug, OutputFormat format) {
    return new CommandDispatcher(null, PositionalArguments.none(), launch.err(), debug, format,
        ConsoleViews.registry(), new Style(launch.terminal()));
  }
}
