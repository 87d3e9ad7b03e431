package com.authservice.migrate.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.authservice.migrate.errors.InvalidArgument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The definitions of one kind, by name, and those set aside: what choosing one by name gives. No database. */
class DefinitionsTest {

  private static Map<String, String> inOrder(String... nameThenValue) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < nameThenValue.length; i += 2) {
      map.put(nameThenValue[i], nameThenValue[i + 1]);
    }
    return map;
  }

  private static Definitions<String> environments(Map<String, String> usable, Map<String, String> setAside) {
    return new Definitions<>("environment", "environments", usable, setAside, List.of());
  }

  @Test
  void theyAreListedInTheOrderTheLoaderGaveNotByName() {
    Definitions<String> definitions = environments(
        inOrder("default", "local", "staging", "stage-db", "production", "prod-db"), Map.of());

    assertThat(definitions.names()).containsExactly("default", "staging", "production");
    assertThat(definitions.all()).containsExactly("local", "stage-db", "prod-db");
  }

  @Test
  void severalNamedComeInTheOrderGivenEachChecked() {
    Definitions<String> definitions = environments(inOrder("staging", "stage-db", "production", "prod-db"),
        Map.of());

    assertThat(definitions.named(List.of("production", " staging"))).containsExactly("prod-db", "stage-db");
    assertThatThrownBy(() -> definitions.named(List.of("staging", "qa"))).isInstanceOf(InvalidArgument.class)
        .hasMessageContaining("Unknown environment \"qa\"");
  }

  @Test
  void anUnknownNameSaysWhatIsKnownAndWhichFileToAdd() {
    Definitions<String> definitions = environments(inOrder("staging", "stage-db", "production", "prod-db"),
        inOrder("qa", "environments/qa.properties uses ${QA_HOST}, which is not set"));

    assertThatThrownBy(() -> definitions.named(" dev ")).isInstanceOf(InvalidArgument.class)
        .hasMessage("Unknown environment \"dev\"; known: staging, production (add environments/<name>.properties)");
  }

  @Test
  void anUnknownNameWhenNoneIsDefinedSaysSo() {
    Definitions<String> fleets = new Definitions<>("fleet", "fleets", Map.of(), Map.of(), List.of());

    assertThatThrownBy(() -> fleets.named("tenants")).isInstanceOf(InvalidArgument.class)
        .hasMessage("Unknown fleet \"tenants\"; none is defined (add fleets/<name>.properties)");
    assertThatThrownBy(() -> fleets.named((String) null)).isInstanceOf(InvalidArgument.class)
        .hasMessageStartingWith("Unknown fleet \"\"");
  }

  @Test
  void aNameSetAsideFailsWithItsReasonAndIsNotListed() {
    Definitions<String> definitions = environments(inOrder("staging", "stage-db"),
        inOrder("qa", "environments/qa.properties uses ${QA_HOST}, which is not set"));

    assertThatThrownBy(() -> definitions.named("qa ")).isInstanceOf(InvalidArgument.class)
        .hasMessage("environments/qa.properties uses ${QA_HOST}, which is not set");
    assertThat(definitions.names()).containsExactly("staging");
    assertThat(definitions.unusable()).containsOnlyKeys("qa");
  }

  @Test
  void oneReplacedComesFirstAndIsNoLongerSetAside() {
    Definitions<String> definitions = environments(inOrder("staging", "stage-db", "default", "local"),
        inOrder("default", "POSTGRES_HOST is set but POSTGRES_DB is not"));

    Definitions<String> replaced = definitions.withFirst("default", "embedded");

    assertThat(replaced.names()).containsExactly("default", "staging");
    assertThat(replaced.named("default")).isEqualTo("embedded");
    assertThat(replaced.unusable()).isEmpty();
    assertThat(definitions.named("default")).as("the original is unchanged").isEqualTo("local");
  }

  @Test
  void whatTheLoaderWasGivenCannotChangeThemAfterwards() {
    Map<String, String> usable = inOrder("staging", "stage-db");
    Map<String, String> setAside = inOrder("qa", "bad");
    Definitions<String> definitions = environments(usable, setAside);

    usable.put("production", "prod-db");
    setAside.clear();

    assertThat(definitions.names()).containsExactly("staging");
    assertThat(definitions.unusable()).containsOnlyKeys("qa");
    assertThatThrownBy(() -> definitions.unusable().clear()).isInstanceOf(UnsupportedOperationException.class);
  }
}
