package com.authservice.migrate.shell.models;

import com.authservice.domain.AuthModels;
import com.authservice.migrate.errors.InvalidArgument;
import jakarta.persistence.Entity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Which models autogenerate and check compare with: the auth-domain models by default, or
 * {@code --models} naming a package (every {@code @Entity} in it) or a comma-separated class list.
 */
public final class ModelSet {

  private ModelSet() {
  }

  public static List<Class<?>> resolve(String spec) {
    if (spec == null || spec.isBlank()) {
      return AuthModels.ALL;
    }
    List<Class<?>> classes = new ArrayList<>();
    for (String name : Arrays.stream(spec.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
      if (ClassUtils.isPresent(name, ModelSet.class.getClassLoader())) {
        classes.add(load(name));
      } else {
        classes.addAll(scan(name));
      }
    }
    if (classes.isEmpty()) {
      throw new InvalidArgument("--models " + spec + " names no @Entity class or package with entities");
    }
    return classes;
  }

  private static List<Class<?>> scan(String packageName) {
    if (!packageName.matches("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*")) {
      throw new InvalidArgument("--models takes a package or class names, not \"" + packageName + "\"");
    }
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(Entity.class));
    List<Class<?>> found = scanner.findCandidateComponents(packageName).stream().map(BeanDefinition::getBeanClassName)
        .sorted().<Class<?>>map(ModelSet::load).toList();
    return found.isEmpty() ? packaged(packageName) : found;
  }

  /** A native image has no class path to scan: there a package names the packaged models it holds. */
  private static List<Class<?>> packaged(String packageName) {
    return AuthModels.ALL.stream()
        .filter(model -> (model.getPackageName() + ".").startsWith(packageName + "."))
        .sorted(Comparator.comparing(Class::getName)).toList();
  }

  private static Class<?> load(String name) {
    try {
      return ClassUtils.forName(name, ModelSet.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new InvalidArgument("Cannot load model class " + name);
    }
  }
}
