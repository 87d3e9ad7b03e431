package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.Tenants;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Fleets in batch mode: status --fleet, up/down/version/stamp --fleet, their summary and exit codes. */
@ExtendWith(PostgresExtension.class)
class FleetCommandsTest {

  private static final String AUDIT_LOG = "20251020000000_Create_audit_log.sql";
  private static final List<String> ALL = List.of("20251001000000", "20251001000100", "20251015093000",
      "20251020000000");

  @TempDir
  Path dir;

  @BeforeEach
  void repository() {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations")).write(AUDIT_LOG,
        "-- // Create audit log\nCREATE TABLE audit_log (id BIGINT PRIMARY KEY);\n-- //@UNDO\nDROP TABLE audit_log;\n");
  }

  private Console fleet(String name, Tenants tenants, String extra) throws Exception {
    Path folder = dir.resolve("migrations/fleets");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve(name + ".properties"), tenants.fleetFile("TENANT_PASSWORD") + extra);
    return new Console(dir).with("TENANT_PASSWORD", tenants.migrator().password().reveal());
  }

  /** c with a table in the way of the newest migration, d unreachable. */
  private static Tenants failingAndUnreachable(Tenants tenants) {
    tenants.execute("c", "create table audit_log (note text)");
    tenants.makeUnreachable("d");
    return tenants;
  }

  @Test
  void upAcrossAFleetOfSchemasGoesOnPastAFailingAndAnUnreachableMemberAndTheNextRunFinishesThem(TestDatabase db)
      throws Exception {
    Tenants tenants = failingAndUnreachable(Tenants.schemas(db, "a", "b", "c", "d"));
    Console console = fleet("tenants", tenants, "");

    Run before = console.run("status", "--fleet", "tenants");
    Run first = console.run("up", "--fleet", "tenants", "--parallel", "2");

    assertThat(before.exitCode()).isZero();
    assertThat(before.out()).contains("Fleet tenants (schemas " + tenants.glob() + " of " + db.name())
        .containsPattern("20251001000000 +create changelog +0 of 4")
        .contains("4 waiting: " + tenants.name("a") + ", " + tenants.name("b") + ", " + tenants.name("c"))
        .contains("Unreachable (1):").contains(tenants.name("d") + ": ").contains("Not all 4 schemas are up to date.");
    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.out()).contains("Fleet tenants: 4 schemas, 2 at a time")
        .containsPattern("applied +2 +8").containsPattern("failed +1").containsPattern("unreachable +1")
        .contains(tenants.name("c") + ": " + AUDIT_LOG).contains("already exists")
        .contains(tenants.name("d") + ": ").contains("USAGE");
    assertThat(first.err()).contains("2 of 4 schemas of the fleet tenants were not migrated (1 failed, "
        + "1 unreachable)").doesNotContain("Exception");
    assertThat(tenants.appliedIds("a")).isEqualTo(ALL);
    assertThat(tenants.appliedIds("c")).isEqualTo(ALL.subList(0, 3));
    assertThat(tenants.appliedIds("d")).isEmpty();

    tenants.execute("c", "drop table audit_log");
    tenants.makeReachable("d");
    Run second = console.run("up", "--fleet", "tenants");
    Run after = console.run("status", "--fleet", "tenants");

    assertThat(second.exitCode()).isZero();
    assertThat(second.out()).containsPattern("applied +2 +5").containsPattern("up to date +2");
    for (String tenant : List.of("a", "b", "c", "d")) {
      assertThat(tenants.appliedIds(tenant)).isEqualTo(ALL);
    }
    assertThat(after.out()).containsPattern("20251020000000 +Create audit log +4 of 4")
        .contains("All 4 schemas are up to date.");
    String everything = before.out() + before.err() + first.out() + first.err() + second.out() + after.out();
    assertThat(everything).doesNotContain(tenants.migrator().password().reveal());
  }

  @Test
  void strictLintRefusesTheRunOnEveryMemberOfAFleet(TestDatabase db) throws Exception {
    TestScripts.copyOfProjectRepository(dir.resolve("migrations")).write("20251120000000_Add_age_to_users.sql",
        "-- // Add age to users\nALTER TABLE users ADD COLUMN age integer NOT NULL;\n-- //@UNDO\n"
            + "ALTER TABLE users DROP COLUMN age;\n");
    Tenants tenants = Tenants.schemas(db, "a", "b");
    Console console = fleet("tenants", tenants, "");

    Run refused = console.run("up", "--fleet", "tenants", "--strict");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out() + refused.err()).contains("lint found 1 problem(s)");
    assertThat(db.query("select count(*) from information_schema.tables where table_name = 'changelog'"))
        .containsExactly("0");
  }

  @Test
  void statusAndUpOfAFleetAreOneJsonDocumentEach(TestDatabase db) throws Exception {
    Tenants tenants = failingAndUnreachable(Tenants.schemas(db, "a", "b", "c", "d"));
    Console console = fleet("tenants", tenants, "");

    Run up = console.run("--output", "json", "up", "--fleet", "tenants");
    Run status = console.run("--output", "json", "status", "--fleet", "tenants");

    JsonNode ran = JsonOutputTest.onlyDocument(up.out());
    assertThat(up.exitCode()).isEqualTo(1);
    assertThat(ran.get("command").asString()).isEqualTo("up");
    assertThat(ran.get("fleet").asString()).isEqualTo("tenants");
    assertThat(ran.get("members")).hasSize(4);
    assertThat(outcomes(ran.get("members"))).containsExactlyInAnyOrder("done", "done", "failed", "unreachable");
    JsonNode failed = member(ran.get("members"), tenants.name("c"));
    assertThat(failed.get("reason").asString()).contains(AUDIT_LOG);
    assertThat(member(ran.get("members"), tenants.name("a")).get("migrations").asInt()).isEqualTo(4);
    assertThat(ran.get("error").asString()).isEqualTo("fleet_failed");

    JsonNode read = JsonOutputTest.onlyDocument(status.out());
    assertThat(read.get("members").asInt()).isEqualTo(4);
    assertThat(read.get("migrations")).hasSize(4);
    assertThat(read.get("migrations").get(3).get("id").asString()).isEqualTo("20251020000000");
    assertThat(read.get("migrations").get(3).get("appliedOn").asInt()).isEqualTo(2);
    assertThat(read.get("behind").get(0).get("member").asString()).isEqualTo(tenants.name("c"));
    assertThat(read.get("unreachable").get(0).get("member").asString()).isEqualTo(tenants.name("d"));
    assertThat(read.get("upToDate").asBoolean()).isFalse();
  }

  private static List<String> outcomes(JsonNode members) {
    List<String> outcomes = new java.util.ArrayList<>();
    members.forEach(member -> outcomes.add(member.get("outcome").asString()));
    return outcomes;
  }

  private static JsonNode member(JsonNode members, String name) {
    for (JsonNode member : members) {
      if (member.get("member").asString().equals(name)) {
        return member;
      }
    }
    throw new AssertionError("no member " + name + " in " + members);
  }

  @Test
  void upAcrossAFleetOfDatabasesReportsTheFailedAndTheUnreachableDatabaseAndExitsOne(PostgresServer server)
      throws Exception {
    Tenants tenants = failingAndUnreachable(Tenants.databases(server, "a", "b", "c", "d"));
    Console console = fleet("tenants", tenants, "");

    Run first = console.run("up", "--fleet", "tenants");
    Run status = console.run("status", "--fleet", "tenants");

    assertThat(first.exitCode()).isEqualTo(1);
    assertThat(first.out()).containsPattern("applied +2 +8").containsPattern("failed +1")
        .containsPattern("unreachable +1").contains(tenants.name("d") + ": ")
        .contains("not currently accepting connections");
    assertThat(status.out()).containsPattern("20251020000000 +Create audit log +2 of 4")
        .contains("1 waiting: " + tenants.name("c"));

    tenants.execute("c", "drop table audit_log");
    tenants.makeReachable("d");
    Run second = console.run("up", "--fleet", "tenants");

    assertThat(second.exitCode()).isZero();
    assertThat(tenants.appliedIds("c")).isEqualTo(ALL);
    assertThat(tenants.appliedIds("d")).isEqualTo(ALL);
  }

  @Test
  void failFastStopsStartingMembersAfterTheFirstFailure(TestDatabase db) throws Exception {
    Tenants tenants = Tenants.schemas(db, "a", "b", "c");
    tenants.execute("a", "create table audit_log (note text)");
    Console console = fleet("tenants", tenants, "");

    Run run = console.run("up", "--fleet", "tenants", "--parallel", "1", "--fail-fast");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).containsPattern("failed +1").containsPattern("not run +2");
    assertThat(tenants.appliedIds("b")).isEmpty();
  }

  @Test
  void whenNoMemberIsMigratedTheSummaryDoesNotSpeakOfOthersThatAreDone(TestDatabase db) throws Exception {
    Tenants tenants = Tenants.schemas(db, "a", "b");
    tenants.execute("a", "create table audit_log (note text)");
    tenants.execute("b", "create table audit_log (note text)");
    Console console = fleet("tenants", tenants, "");

    Run run = console.run("up", "--fleet", "tenants");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("None of the 2 schemas of the fleet tenants was migrated (2 failed)")
        .doesNotContain("others");
  }

  @Test
  void downVersionAndStampTakeAFleetToo(TestDatabase db) throws Exception {
    Tenants tenants = Tenants.schemas(db, "a", "b");
    Console console = fleet("tenants", tenants, "");
    assertThat(console.run("up", "--fleet", "tenants").exitCode()).isZero();

    Run down = console.run("down", "--fleet", "tenants");
    Run version = console.run("version", "20251001000100", "--fleet", "tenants");

    assertThat(down.exitCode()).isZero();
    assertThat(down.out()).containsPattern("undone +2 +2");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).containsPattern("undone +2 +2");
    assertThat(tenants.appliedIds("a")).isEqualTo(ALL.subList(0, 2));
    assertThat(tenants.appliedIds("b")).isEqualTo(ALL.subList(0, 2));

    Run stamp = console.run("stamp", "head", "--fleet", "tenants");

    assertThat(stamp.exitCode()).isZero();
    assertThat(stamp.out()).containsPattern("stamped +2 +4");
    assertThat(tenants.appliedIds("b")).isEqualTo(ALL);
    assertThat(tenants.query("b", "select to_regclass('" + tenants.table("b", "audit_log") + "')"))
        .containsExactly("null");
  }

  @Test
  void aProtectedFleetNeedsYesOnceForAllItsMembers(TestDatabase db) throws Exception {
    Tenants tenants = Tenants.schemas(db, "a", "b");
    Console console = fleet("customers", tenants, "protected=true\n");

    Run status = console.run("status", "--fleet", "customers");
    Run refused = console.run("up", "--fleet", "customers");
    Run confirmed = console.run("up", "--fleet", "customers", "--yes");

    assertThat(status.out()).contains("4 waiting: all 2 schemas");

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("on every member of the protected fleet customers (2 schemas)")
        .contains("--yes");
    assertThat(confirmed.exitCode()).isZero();
    assertThat(tenants.appliedIds("a")).isEqualTo(ALL);
    assertThat(tenants.appliedIds("b")).isEqualTo(ALL);
  }

  @Test
  void envListsTheFleetsAndMistypedFleetOptionsAreUsageErrors(TestDatabase db) throws Exception {
    Tenants tenants = Tenants.schemas(db, "a");
    Console console = fleet("tenants", tenants, "protected=yes\n");
    Files.writeString(dir.resolve("migrations/fleets/broken.properties"), "host=localhost\nschemas=tenant_%\n");

    Run env = console.run("env");
    Run unknown = console.run("up", "--fleet", "nope");
    Run broken = console.run("status", "--fleet", "broken");
    Run alone = console.run("up", "--parallel", "2");
    Run zero = console.run("up", "--fleet", "tenants", "--parallel", "0");

    assertThat(env.out()).containsPattern("tenants +schemas " + tenants.glob().replace("*", "\\*") + " of "
        + db.name() + "@localhost:\\d+ as " + tenants.migrator().user() + " +yes")
        .contains("broken cannot be used: fleets/broken.properties").contains("not SQL LIKE: tenant_%");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown fleet \"nope\"; known: tenants");
    assertThat(broken.exitCode()).isEqualTo(2);
    assertThat(alone.exitCode()).isEqualTo(2);
    assertThat(alone.err()).contains("--parallel").contains("--fleet");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(tenants.appliedIds("a")).isEmpty();
  }

  @Test
  void onATerminalAProgressBarCountsTheMembersOnStandardError(TestDatabase db) throws Exception {
    Tenants tenants = Tenants.schemas(db, "a", "b", "c");
    tenants.execute("b", "create table audit_log (note text)");
    Console console = fleet("tenants", tenants, "");

    Run run = console.runWithInput("", true, "up", "--fleet", "tenants", "--parallel", "1");

    assertThat(run.err()).contains("] 1/3 schemas").contains("] 3/3 schemas, 1 failed").contains("\r");
    assertThat(run.out()).doesNotContain("\r");
  }
}
