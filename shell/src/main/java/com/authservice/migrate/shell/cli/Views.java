package com.authservice.migrate.shell.cli;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one registry of views, by result type: what the dispatcher renders a command's result with. Each group of
 * views is made when the first of its results is shown ({@link ViewGroup}).
 */
public final class Views {

  private final Map<Class<?>, ViewGroup> groups = new LinkedHashMap<>();
  private final Map<Class<?>, View<?>> made = new HashMap<>();

  private Views(List<ViewGroup> groups) {
    for (ViewGroup group : groups) {
      for (Class<?> type : group.types()) {
        if (this.groups.put(type, group) != null) {
          throw new IllegalStateException("Two views for " + type.getName());
        }
      }
    }
  }

  public static Views of(List<View<?>> views) {
    return grouped(List.of(ViewGroup.of(views)));
  }

  public static Views grouped(List<ViewGroup> groups) {
    return new Views(groups);
  }

  @SuppressWarnings("unchecked")
  public synchronized <R> Optional<View<R>> of(R result) {
    ViewGroup group = groups.get(result.getClass());
    if (group == null) {
      return Optional.empty();
    }
    if (!made.containsKey(result.getClass())) {
      group.make().forEach(view -> made.put(view.type(), view));
    }
    return Optional.of((View<R>) made.get(result.getClass()));
  }

  public boolean renders(Object result) {
    return groups.containsKey(result.getClass());
  }

  public List<Class<?>> types() {
    return List.copyOf(groups.keySet());
  }
}
