package com.authservice.migrate.shell;

import com.authservice.migrate.shell.launch.LaunchContext;
import com.authservice.migrate.shell.launch.LaunchOptions;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The console's entry point. The process exit code is ours: 0 success, 1 a command failed,
 * 2 a usage error. Spring sees no command-line arguments; the console parses its own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(ConsoleConfiguration.class)
public class MigrateApplication {

  public static void main(String[] args) {
    System.exit(run(args, LaunchContext.ofProcess()));
  }

  /** Runs the console to completion and returns its exit code; tests call this in-process. */
  public static int run(String[] args, LaunchContext launch) {
    LaunchOptions options;
    try {
      options = LaunchOptions.parse(args);
    } catch (LaunchOptions.LaunchError e) {
      launch.err().println("Error: " + e.getMessage());
      return 2;
    }
    SpringApplication application = new SpringApplication(MigrateApplication.class);
    if (options.debug()) {
      application.setDefaultProperties(Map.of("logging.level.root", "info",
          "logging.level.com.authservice", "debug", "spring.main.banner-mode", "console"));
    }
    application.addInitializers(context -> {
      context.getBeanFactory().registerSingleton("launchOptions", options);
      context.getBeanFactory().registerSingleton("launchContext", launch);
    });
    ConfigurableApplicationContext context = application.run();
    return SpringApplication.exit(context);
  }
}
