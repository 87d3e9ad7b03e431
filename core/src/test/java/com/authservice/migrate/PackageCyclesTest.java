package com.authservice.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.testing.PackageGraph;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Core's packages depend on each other in one direction only: a cycle means two packages cannot be understood,
 * changed or moved apart. The graph is read from the sources' imports and fully qualified names, no database.
 */
class PackageCyclesTest {

  private static final Path SOURCES = Path.of("src/main/java");

  @Test
  void coreHasNoPackageCycles() throws IOException {
    PackageGraph graph = PackageGraph.read(SOURCES, "com.authservice.migrate");

    assertThat(graph.packages()).as("packages read from " + SOURCES.toAbsolutePath()).hasSizeGreaterThan(10);
    assertThat(graph.cycles()).as("package cycles (each: the packages that depend on each other)").isEmpty();
  }

  @Test
  void aCycleIsFound() {
    PackageGraph graph = new PackageGraph(new TreeMap<>(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"),
        "d", Set.of("a"))));

    assertThat(graph.cycles()).containsExactly(List.of("a", "b", "c"));
  }
}
