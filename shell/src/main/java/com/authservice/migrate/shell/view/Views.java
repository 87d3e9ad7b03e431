package com.authservice.migrate.shell.view;

import java.util.ArrayList;
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

  /** Every result type a command returns, each with its text and its JSON rendering. */
  public static Views standard() {
    List<View<?>> views = new ArrayList<>();
    views.addAll(MyBatisViews.all());
    views.addAll(ScriptViews.all());
    views.addAll(ModelViews.all());
    views.addAll(StatusViews.all());
    views.addAll(FleetViews.all());
    views.addAll(EnvironmentViews.all());
    views.addAll(LintViews.all());
    views.addAll(HelpViews.all());
    return new Views(views);
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
