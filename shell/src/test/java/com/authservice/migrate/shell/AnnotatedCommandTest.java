package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.launch.LaunchContext;
import com.authservice.migrate.shell.launch.LaunchOptions;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.shell.core.command.Command;
import org.springframework.shell.core.command.annotation.support.CommandFactoryBean;
import org.springframework.shell.core.command.completion.DefaultCompletionProvider;

/** The console builds each command itself (AnnotatedCommand): what it builds is what Spring Shell would. */
class AnnotatedCommandTest {

  @TempDir
  Path dir;

  @Test
  void everyCommandIsBuiltAsSpringShellsCommandFactoryBeanBuildsIt() {
    PrintStream discard = new PrintStream(new ByteArrayOutputStream());
    LaunchContext launch = new LaunchContext(Map.of(), dir, InputStream.nullInputStream(), discard, discard, false);
    List<Method> methods = CommandMethods.forRun(List.of()).methods();
    assertThat(methods).hasSizeGreaterThan(20);

    try (ConfigurableApplicationContext context = ConsoleContext.start(LaunchOptions.parse(new String[] {"help"}),
        launch)) {
      for (Method method : methods) {
        Command ours = AnnotatedCommand.of(method, context);
        CommandFactoryBean factory = new CommandFactoryBean(method);
        factory.setApplicationContext(context);
        Command springShells = factory.getObject();

        assertThat(ours.getName()).as(method.toString()).isEqualTo(springShells.getName());
        assertThat(ours.getDescription()).as(method.toString()).isEqualTo(springShells.getDescription());
        assertThat(ours.getGroup()).as(method.toString()).isEqualTo(springShells.getGroup());
        assertThat(ours.getHelp()).as(method.toString()).isEqualTo(springShells.getHelp());
        assertThat(ours.isHidden()).as(method.toString()).isEqualTo(springShells.isHidden());
        assertThat(ours.getAliases()).as(method.toString()).isEqualTo(springShells.getAliases());
        assertThat(ours.getOptions()).as(method.toString()).isEqualTo(springShells.getOptions());
        assertThat(ours.getAvailabilityProvider().get().isAvailable())
            .isEqualTo(springShells.getAvailabilityProvider().get().isAvailable());
        if (springShells.getCompletionProvider() instanceof DefaultCompletionProvider) {
          assertThat(ours.getCompletionProvider()).as(method.toString()).isInstanceOf(DefaultCompletionProvider.class);
        } else {
          assertThat(ours.getCompletionProvider()).as(method.toString()).isSameAs(springShells.getCompletionProvider());
        }
      }
    }
  }
}
