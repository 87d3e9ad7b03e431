package com.authservice.migrate.shell.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one registry of views, by result type: what the dispatcher renders a command's result with. */
public final class Views {

  private final Map<Class<?>, View<?>> byType = new LinkedHashMap<>();

  public Views(List<View<?>> views) {
    for (View<?> view : views) {
      if (byType.put(view.type(), view) != null) {
        throw new IllegalStateException("Two views for " + view.type().getName());
      }
    }
  }

  @SuppressWarnings("unchecked")
  public <R> Optional<View<R>> of(R result) {
    return Optional.ofNullable((View<R>) byType.get(result.getClass()));
  }

  public boolean renders(Object result) {
    return byType.containsKey(result.getClass());
  }

  public List<Class<?>> types() {
    return List.copyOf(byType.keySet());
  }
}
