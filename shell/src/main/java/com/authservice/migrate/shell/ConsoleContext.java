package com.authservice.migrate.shell;

import com.authservice.migrate.shell.launch.LaunchContext;
import com.authservice.migrate.shell.launch.LaunchOptions;
import com.authservice.migrate.shell.launch.NoMessages;
import org.springframework.aot.AotDetector;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.config.DependencyDescriptor;
import org.springframework.boot.LazyInitializationBeanFactoryPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.ContextAnnotationAutowireCandidateResolver;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.ClassUtils;

/**
 * Starts the console's Spring context without Spring Boot's {@code SpringApplication}: the console has no
 * configuration file, profile, auto-configuration or logging system, and preparing them anyway (binding
 * {@code spring.main.*}, Boot's conversion service, its listeners and initialisers) was a third of a batch
 * command's start-up. The bean definitions are those Spring AOT generated at build time when
 * {@code spring.aot.enabled} is set (bin/migrate, the image, the native executable), else read from
 * {@link ConsoleConfiguration} as Spring would.
 */
final class ConsoleContext {

  private ConsoleContext() {
  }

  static ConfigurableApplicationContext start(LaunchOptions options, LaunchContext launch) {
    GenericApplicationContext context = AotDetector.useGeneratedArtifacts() ? generated() : annotated();
    registerLaunch(context, options, launch);
    context.getDefaultListableBeanFactory().setAutowireCandidateResolver(new WithoutValueAnnotations());
    // The console has no @EventListener method; Spring's processor for them inspects the class of every bean.
    context.removeBeanDefinition(AnnotationConfigUtils.EVENT_LISTENER_PROCESSOR_BEAN_NAME);
    context.removeBeanDefinition(AnnotationConfigUtils.EVENT_LISTENER_FACTORY_BEAN_NAME);
    // Only what the run reaches is built: a batch command never creates the REPL's completers.
    context.addBeanFactoryPostProcessor(new LazyInitializationBeanFactoryPostProcessor());
    // Killed (TERM, HUP), the console still closes its session: connections, an embedded server.
    context.registerShutdownHook();
    context.refresh();
    return context;
  }

  /** The beans that come from the launch rather than from configuration. */
  static void registerLaunch(ConfigurableApplicationContext context, LaunchOptions options, LaunchContext launch) {
    context.getBeanFactory().registerSingleton("launchOptions", options);
    context.getBeanFactory().registerSingleton("launchContext", launch);
    context.getBeanFactory().registerSingleton(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME, new NoMessages());
  }

  private static GenericApplicationContext annotated() {
    AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
    context.register(MigrateApplication.class);
    return context;
  }

  @SuppressWarnings("unchecked")
  private static GenericApplicationContext generated() {
    GenericApplicationContext context = new KeepingCaches();
    String name = MigrateApplication.class.getName() + "__ApplicationContextInitializer";
    Class<?> type = ClassUtils.resolveClassName(name, MigrateApplication.class.getClassLoader());
    ((ApplicationContextInitializer<GenericApplicationContext>) BeanUtils.instantiateClass(type)).initialize(context);
    return context;
  }

  /**
   * Spring's resolver, less the search for {@code @Value}: the console has none, and looking for one parsed the
   * annotations of every {@code @Bean} method that has a parameter (a tenth of the context's start).
   */
  private static final class WithoutValueAnnotations extends ContextAnnotationAutowireCandidateResolver {

    @Override
    public Object getSuggestedValue(DependencyDescriptor descriptor) {
      return null;
    }
  }

  /**
   * A context that keeps Spring's reflection caches once started (clearing them saves memory a server keeps for
   * days, and first sets up the JavaBeans introspection, a class-path search for its factories, a command never
   * uses) and that makes its resolver of resource patterns when one is first resolved.
   */
  private static final class KeepingCaches extends GenericApplicationContext {

    @Override
    protected void resetCommonCaches() {
    }

    @Override
    protected ResourcePatternResolver getResourcePatternResolver() {
      return new PatternResolverOnFirstUse(this);
    }
  }
}
