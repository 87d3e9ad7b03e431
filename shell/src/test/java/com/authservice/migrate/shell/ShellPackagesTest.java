package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.testing.PackageGraph;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shell's packages depend on each other one way, and its own framework ({@code cli}) on none of them: the
 * console's commands, views and session use the framework, never the reverse. Read from the sources, no database.
 */
class ShellPackagesTest {

  private static final String SHELL = "com.authservice.migrate.shell";

  private final PackageGraph graph = PackageGraph.read(Path.of("src/main/java"), "com.authservice.migrate");

  ShellPackagesTest() throws IOException {
  }

  @Test
  void theShellHasNoPackageCycles() {
    assertThat(graph.packages()).contains(SHELL + ".cli", SHELL + ".commands", SHELL + ".view");
    assertThat(graph.cycles()).as("package cycles (each: the packages that depend on each other)").isEmpty();
  }

  @Test
  void theFrameworkNamesNoOtherPackageOfTheShell() {
    assertThat(graph.usedBy(SHELL + ".cli")).filteredOn(used -> used.startsWith(SHELL)).isEmpty();
  }
}
