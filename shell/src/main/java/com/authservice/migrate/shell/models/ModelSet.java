package com.authservice.migrate.shell.models;

import com.authservice.domain.AuthModels;
import com.authservice.migrate.errors.InvalidArgument;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.util.ClassUtils;

/**
 * Which models autogenerate and check compare with: the auth-domain models by default, or
 * {@code --models} naming a package (the packaged models in it) or a comma-separated class list.
 * A package is looked up in the list of packaged models ({@link AuthModels#ALL}), not by scanning the class
 * path: a native image has no class path to scan, and the JVM and the image must answer alike.
 */
public final class ModelSet {

  private static final Pattern PACKAGE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

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
        classes.addAll(packaged(name));
      }
    }
    if (classes.isEmpty()) {
      throw new InvalidArgument("--models " + spec + " names no @Entity class or package with entities");
    }
    return classes;
  }

  private static List<Class<?>> packaged(String packageName) {
    if (!PACKAGE_NAME.matcher(packageName).matches()) {
      throw new InvalidArgument("--models takes a package or class names, not \"" + packageName + "\"");
    }
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
