package com.authservice.migrate.shell;

import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationContext;
import org.springframework.core.convert.support.ConfigurableConversionService;
import org.springframework.shell.core.command.CommandOption;
import org.springframework.shell.core.command.adapter.MethodInvokerCommandAdapter;
import org.springframework.shell.core.command.annotation.Command;
import org.springframework.shell.core.command.annotation.Option;
import org.springframework.shell.core.command.availability.AvailabilityProvider;
import org.springframework.shell.core.command.completion.CompletionProvider;
import org.springframework.shell.core.command.exit.ExitStatusExceptionMapper;

/**
 * The Spring Shell command of a {@code @Command} method, as Spring Shell's {@code CommandFactoryBean} builds it but
 * without its start-up costs: that reads each method through Spring's merged annotations and looks up an
 * availability provider and an exception mapper by name for every command, each lookup of a name left empty thrown
 * and caught. That was a tenth of {@code help}, which builds all the commands, and 2% of {@code status} (JDK 17).
 * Every command here names its group, so Spring Shell's default group (whose helper starts Hibernate Validator) is
 * never needed. AnnotatedCommandTest holds both builds equal for every command.
 */
final class AnnotatedCommand {

  private AnnotatedCommand() {
  }

  static org.springframework.shell.core.command.Command of(Method method, ApplicationContext beans) {
    Command command = method.getAnnotation(Command.class);
    String name = String.join(" ", command.name());
    if (name.isEmpty() || command.group().isEmpty()) {
      throw new IllegalStateException("@Command on " + method + " needs a name and a group");
    }
    MethodInvokerCommandAdapter adapter = new MethodInvokerCommandAdapter(name,
        command.description().isEmpty() ? "N/A" : command.description(), command.group(), command.help(),
        command.hidden(), method, beans.getBean(method.getDeclaringClass()),
        beans.getBean(ConfigurableConversionService.class), beans.getBean(Validator.class));
    adapter.setAliases(List.of(command.alias()));
    adapter.setOptions(options(method));
    adapter.setAvailabilityProvider(command.availabilityProvider().isEmpty() ? AvailabilityProvider.alwaysAvailable()
        : beans.getBean(command.availabilityProvider(), AvailabilityProvider.class));
    if (!command.exitStatusExceptionMapper().isEmpty()) {
      adapter.setExitStatusExceptionMapper(
          beans.getBean(command.exitStatusExceptionMapper(), ExitStatusExceptionMapper.class));
    }
    if (!command.completionProvider().isEmpty()) {
      adapter.setCompletionProvider(beans.getBean(command.completionProvider(), CompletionProvider.class));
    }
    return adapter;
  }

  private static List<CommandOption> options(Method method) {
    List<CommandOption> options = new ArrayList<>();
    for (Parameter parameter : method.getParameters()) {
      Option option = parameter.getAnnotation(Option.class);
      if (option != null) {
        options.add(CommandOption.with()
            .shortName(option.shortName())
            .longName(option.longName().isEmpty() ? parameter.getName() : option.longName())
            .description(option.description())
            .required(option.required())
            .defaultValue(option.defaultValue())
            .type(parameter.getType())
            .build());
      }
    }
    return options;
  }
}
