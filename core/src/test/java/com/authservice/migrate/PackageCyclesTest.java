package com.authservice.migrate;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * Core's packages depend on each other in one direction only: a cycle means two packages cannot be understood,
 * changed or moved apart. The graph is read from the sources' imports and fully qualified names, no database.
 */
class PackageCyclesTest {

  private static final String BASE = "com.authservice.migrate";
  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  /** An import or a fully qualified name of one of core's classes: the package is the part before the first capital. */
  private static final Pattern REFERENCE = Pattern.compile("\\b(" + Pattern.quote(BASE) + "(?:\\.[a-z]\\w*)*)\\.[A-Z]");

  @Test
  void coreHasNoPackageCycles() throws IOException {
    Map<String, Set<String>> graph = packageGraph(SOURCES);

    assertThat(graph).as("packages read from " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(10);
    assertThat(cycles(graph)).as("package cycles (each: the packages that depend on each other)").isEmpty();
  }

  @Test
  void aCycleIsFound() {
    Map<String, Set<String>> graph = new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
        "d", Set.of("a")));

    assertThat(cycles(graph)).containsExactly(List.of("a", "b", "c"));
  }

  /** Package to the other packages of core it names. */
  static Map<String, Set<String>> packageGraph(Path sources) throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        Matcher declared = PACKAGE.matcher(text);
        if (!declared.find()) {
          continue;
        }
        String own = declared.group(1);
        Set<String> uses = graph.computeIfAbsent(own, p -> new TreeSet<>());
        Matcher reference = REFERENCE.matcher(text.substring(declared.end()));
        while (reference.find()) {
          if (!reference.group(1).equals(own)) {
            uses.add(reference.group(1));
          }
        }
      }
    }
    return graph;
  }

  /** The strongly connected components of more than one package (Tarjan), each sorted. */
  static List<List<String>> cycles(Map<String, Set<String>> graph) {
    return new Tarjan(graph).components();
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
