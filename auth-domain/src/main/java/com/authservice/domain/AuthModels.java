package com.authservice.domain;

import java.util.List;

/** The model classes that make up the auth service's schema, in the order their tables depend on each other. */
public final class AuthModels {

  public static final List<Class<?>> ALL = List.of(User.class, Category.class, Item.class);

  private AuthModels() {
  }
}
