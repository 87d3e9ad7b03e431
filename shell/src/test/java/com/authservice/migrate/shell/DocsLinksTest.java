package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.testing.TestScripts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * README and the pages under docs/ link to each other by file and heading; a page renamed or a heading reworded
 * must not leave a link that leads nowhere. Anchors are GitHub's: the heading in lower case, punctuation dropped,
 * spaces as hyphens.
 */
class DocsLinksTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);

  @Test
  void everyLinkBetweenTheDocsLeadsToAPageAndAHeadingThatExist() throws IOException {
    Path root = TestScripts.projectRepository().getParent();
    List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
    }

    List<String> broken = new ArrayList<>();
    int checked = 0;
    for (Path page : pages) {
      Matcher link = LINK.matcher(withoutCode(Files.readString(page)));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue;
        }
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        Path linked = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        checked++;
        if (!Files.exists(linked)) {
          broken.add(root.relativize(page) + ": " + target + " (no such file)");
        } else if (target.contains("#") && !anchors(linked).contains(target.substring(target.indexOf('#') + 1))) {
          broken.add(root.relativize(page) + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(checked).isGreaterThan(20);
    assertThat(broken).as("links that lead nowhere").isEmpty();
  }

  private static List<String> anchors(Path page) throws IOException {
    List<String> anchors = new ArrayList<>();
    Matcher heading = HEADING.matcher(withoutCode(Files.readString(page)));
    while (heading.find()) {
      anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "")
          .replace(' ', '-'));
    }
    return anchors;
  }

  /** Fenced code holds shell comments that look like headings and brackets that look like links. */
  private static String withoutCode(String markdown) {
    return markdown.replaceAll("(?s)```.*?```", "");
  }
}
