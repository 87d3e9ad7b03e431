package com.authservice.migrate.shell.launch;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.executable.ExecutableValidator;
import jakarta.validation.metadata.BeanDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * Spring Shell validates command parameters with Jakarta Bean Validation; no command here declares a
 * constraint, and bootstrapping Hibernate Validator for nothing was a visible share of start-up.
 * For the same reason flags are {@code Boolean} with {@code defaultValue = "false"}, never {@code boolean}:
 * for a primitive option left out, Spring Shell 4.0.1 asks its {@code Utils}, whose static initialiser
 * builds a Hibernate Validator factory anyway (about 40 ms).
 */
public final class NoConstraints implements Validator, ExecutableValidator {

  @Override
  public <T> Set<ConstraintViolation<T>> validate(T object, Class<?>... groups) {
    return Set.of();
  }

  @Override
  public <T> Set<ConstraintViolation<T>> validateProperty(T object, String propertyName, Class<?>... groups) {
    return Set.of();
  }

  @Override
  public <T> Set<ConstraintViolation<T>> validateValue(Class<T> beanType, String propertyName, Object value,
      Class<?>... groups) {
    return Set.of();
  }

  @Override
  public BeanDescriptor getConstraintsForClass(Class<?> clazz) {
    throw new jakarta.validation.ValidationException("The console declares no constraints to describe");
  }

  @Override
  public <T> T unwrap(Class<T> type) {
    throw new jakarta.validation.ValidationException("No provider behind the console's validator");
  }

  @Override
  public ExecutableValidator forExecutables() {
    return this;
  }

  @Override
  public <T> Set<ConstraintViolation<T>> validateParameters(T object, Method method, Object[] parameterValues,
      Class<?>... groups) {
    return Set.of();
  }

  @Override
  public <T> Set<ConstraintViolation<T>> validateReturnValue(T object, Method method, Object returnValue,
      Class<?>... groups) {
    return Set.of();
  }

  @Override
  public <T> Set<ConstraintViolation<T>> validateConstructorParameters(Constructor<? extends T> constructor,
      Object[] parameterValues, Class<?>... groups) {
    return Set.of();
  }

  @Override
  public <T> Set<ConstraintViolation<T>> validateConstructorReturnValue(Constructor<? extends T> constructor,
      T createdObject, Class<?>... groups) {
    return Set.of();
  }
}
