package com.authservice.migrate.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which of a module's packages name which others, read from the sources' imports and fully qualified names (no
 * compiled classes, no database): for the tests that keep the packages' dependencies one-way.
 */
public final class PackageGraph {

  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");

  private final Map<String, Set<String>> uses;

  public PackageGraph(Map<String, Set<String>> uses) {
    this.uses = uses;
  }

  /** The packages under {@code sources}; a reference counts when it names a class of a package under {@code base}. */
  public static PackageGraph read(Path sources, String base) throws IOException {
    Pattern reference = Pattern.compile("\\b(" + Pattern.quote(base) + "(?:\\.[a-z]\\w*)*)\\.[A-Z]");
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        Matcher declared = PACKAGE.matcher(text);
        if (!declared.find()) {
          continue;
        }
        String own = declared.group(1);
        Set<String> named = graph.computeIfAbsent(own, p -> new TreeSet<>());
        Matcher found = reference.matcher(text.substring(declared.end()));
        while (found.find()) {
          if (!found.group(1).equals(own)) {
            named.add(found.group(1));
          }
        }
      }
    }
    return new PackageGraph(graph);
  }

  public Set<String> packages() {
    return uses.keySet();
  }

  /** The packages {@code pkg} names. */
  public Set<String> usedBy(String pkg) {
    return uses.getOrDefault(pkg, Set.of());
  }

  /** The strongly connected components of more than one package (Tarjan), each sorted. */
  public List<List<String>> cycles() {
    return new Tarjan(uses).components();
  }

  private static final class Tarjan {
    private final Map<String, Set<String>> graph;
    private final Map<String, Integer> index = new TreeMap<>();
    private final Map<String, Integer> low = new TreeMap<>();
    private final Deque<String> stack = new ArrayDeque<>();
    private final Set<String> onStack = new TreeSet<>();
    private final List<List<String>> found = new ArrayList<>();

    Tarjan(Map<String, Set<String>> graph) {
      this.graph = graph;
    }

    List<List<String>> components() {
      for (String node : graph.keySet()) {
        if (!index.containsKey(node)) {
          visit(node);
        }
      }
      return found;
    }

    private void visit(String node) {
      index.put(node, index.size());
      low.put(node, index.get(node));
      stack.push(node);
      onStack.add(node);
      for (String next : graph.getOrDefault(node, Set.of())) {
        if (!index.containsKey(next)) {
          visit(next);
          low.put(node, Math.min(low.get(node), low.get(next)));
        } else if (onStack.contains(next)) {
          low.put(node, Math.min(low.get(node), index.get(next)));
        }
      }
      if (low.get(node).equals(index.get(node))) {
        Set<String> component = new TreeSet<>();
        String member;
        do {
          member = stack.pop();
          onStack.remove(member);
          component.add(member);
        } while (!member.equals(node));
        if (component.size() > 1) {
          found.add(List.copyOf(component));
        }
      }
    }
  }
}
