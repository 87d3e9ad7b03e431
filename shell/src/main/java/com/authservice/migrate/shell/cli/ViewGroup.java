package com.authservice.migrate.shell.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The views of one part of the console and the result types they render, made the first time one of those results
 * is shown: a view's renderings are lambdas, each linked when the view is made, and linking all of them for the
 * one view a command shows was a twentieth of a batch command's start-up.
 */
public final class ViewGroup {

  private final Supplier<List<View<?>>> views;
  private final Set<Class<?>> types;

  /** {@code views} makes the views of exactly {@code types}; {@link #make} refuses anything else. */
  public ViewGroup(Supplier<List<View<?>>> views, Class<?>... types) {
    this.views = views;
    this.types = Set.of(types);
  }

  /** Views already made: their types are theirs. */
  static ViewGroup of(List<View<?>> views) {
    return new ViewGroup(() -> views, typesOf(views).toArray(Class<?>[]::new));
  }

  public Set<Class<?>> types() {
    return types;
  }

  public List<View<?>> make() {
    List<View<?>> made = views.get();
    Set<Class<?>> madeTypes = typesOf(made);
    if (!madeTypes.equals(types)) {
      throw new IllegalStateException("A view group declares " + names(types) + " but makes views of "
          + names(madeTypes));
    }
    return made;
  }

  private static Set<Class<?>> typesOf(List<View<?>> views) {
    Set<Class<?>> types = new LinkedHashSet<>();
    for (View<?> view : views) {
      if (!types.add(view.type())) {
        throw new IllegalStateException("Two views for " + view.type().getName());
      }
    }
    return types;
  }

  private static List<String> names(Set<Class<?>> types) {
    return types.stream().map(Class::getSimpleName).sorted().toList();
  }
}
