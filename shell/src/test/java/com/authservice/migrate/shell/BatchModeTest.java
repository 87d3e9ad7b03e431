package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.shell.Console.Run;
import com.authservice.migrate.testing.ClosedPort;
import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** `migrate <command>`: every command's exit code and output, with the database checked too. */
@ExtendWith(PostgresExtension.class)
class BatchModeTest {

  private static final String CHANGELOG = "20251001000000";
  private static final String INITIAL = "20251001000100";
  private static final String PHONE = "20251015093000";

  @TempDir
  Path dir;

  private TestScripts scripts;

  private Console console(TestDatabase db) {
    scripts = TestScripts.copyOfProjectRepository(dir.resolve("repo"));
    return new Console(dir).connectedTo(db.settings());
  }

  private Run run(Console console, String... args) {
    String[] withPath = new String[args.length + 2];
    withPath[0] = "--path";
    withPath[1] = scripts.repository().toString();
    System.arraycopy(args, 0, withPath, 2, args.length);
    return console.run(withPath);
  }

  @Test
  void statusListsEveryMigrationAsATableAndExitsZero(TestDatabase db) {
    Run run = run(console(db), "status");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("ID", "Applied At", "Description", "State")
        .contains(INITIAL + "  ...         Initial migration          pending")
        .contains("0 applied, 3 pending").doesNotContain("\u001B[");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void upAppliesEverythingAndReportsIt(TestDatabase db) {
    Run run = run(console(db), "up");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Applying 20251001000100_Initial_migration.sql").contains("Applied 3 migration(s)");
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL, PHONE);
  }

  @Test
  void upWithACountAppliesThatMany(TestDatabase db) {
    assertThat(run(console(db), "up", "2").exitCode()).isZero();
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL);
  }

  @Test
  void downUndoesOneByDefaultAndAcceptsAlembicsMinusOne(TestDatabase db) {
    Console console = console(db);
    run(console, "up");

    assertThat(run(console, "down").exitCode()).isZero();
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL);
    assertThat(run(console, "downgrade", "-1").exitCode()).isZero();
    assertThat(db.appliedIds()).containsExactly(CHANGELOG);
  }

  @Test
  void downToBaseNeedsYesInBatchMode(TestDatabase db) {
    Console console = console(db);
    run(console, "up");

    Run refused = run(console, "down", "--to", "base");
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).contains("needs confirmation: pass --yes");
    assertThat(db.appliedIds()).hasSize(3);

    assertThat(run(console, "down", "--to", "base", "--yes").exitCode()).isZero();
    assertThat(db.tables()).isEmpty();
  }

  @Test
  void undoingEveryMigrationNeedsYesHoweverTheTargetIsWritten(TestDatabase db) {
    Console console = console(db);
    run(console, "up");

    for (String[] command : new String[][] {{"down", "99"}, {"downgrade", "-99"}, {"down", "3"}}) {
      Run refused = run(console, command);
      assertThat(refused.exitCode()).as(String.join(" ", command)).isEqualTo(1);
      assertThat(refused.err()).contains("Undoing all 3 applied migrations").contains("needs confirmation: pass --yes");
      assertThat(db.appliedIds()).hasSize(3);
    }

    assertThat(run(console, "downgrade", "-99", "--yes").exitCode()).isZero();
    assertThat(db.tables()).isEmpty();
    assertThat(db.appliedIds()).isEmpty();
  }

  @Test
  void aSignAgainstTheCommandsDirectionIsAUsageErrorAndRunsNothing(TestDatabase db) {
    Console console = console(db);

    for (String[] command : new String[][] {{"up", "-1"}, {"upgrade", "-1"}, {"up", "--to", "-1"}}) {
      Run refused = run(console, command);
      assertThat(refused.exitCode()).as(String.join(" ", command)).isEqualTo(2);
      assertThat(refused.err().lines()).hasSize(1);
    }
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");

    run(console, "up", "2");
    for (String[] command : new String[][] {{"down", "+1"}, {"downgrade", "+1"}, {"down", "--to", "+1"}}) {
      assertThat(run(console, command).exitCode()).as(String.join(" ", command)).isEqualTo(2);
    }
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL);
  }

  @Test
  void whatTheDatabaseRefusesExitsOneAndOnlyWhatWasTypedWrongExitsTwo(TestDatabase db) {
    Console console = console(db);
    run(console, "up");
    scripts.write("20251010000000_Seed.sql", "-- // seed\nINSERT INTO categories (name) VALUES ('a');\n-- //@UNDO\n");

    Run applied = run(console, "up", "--to", CHANGELOG);
    assertThat(applied.exitCode()).isEqualTo(1);
    assertThat(applied.err()).contains("already applied");
    Run outOfOrder = run(console, "up", "--to", "20251010000000");
    assertThat(outOfOrder.exitCode()).isEqualTo(1);
    assertThat(outOfOrder.err()).contains("pending");
    assertThat(run(console, "help", "nope").exitCode()).isEqualTo(2);
    assertThat(run(console, "up", "--yes=maybe").exitCode()).isEqualTo(2);
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL, PHONE);
  }

  @Test
  void versionGoesToAnIdPrefixAndAnUnknownIdFailsWithExitOne(TestDatabase db) {
    Console console = console(db);

    assertThat(run(console, "version", "2025100100010").exitCode()).isZero();
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL);

    Run unknown = run(console, "version", "20990101");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).startsWith("Error: Can't locate migration \"20990101\"").doesNotContain("\tat ");
    assertThat(unknown.err().lines()).hasSize(1);
    assertThat(db.appliedIds()).containsExactly(CHANGELOG, INITIAL);
  }

  @Test
  void anAmbiguousPrefixListsTheCandidates(TestDatabase db) {
    Run run = run(console(db), "version", "2025100100");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(CHANGELOG).contains(INITIAL).contains("Type more digits");
  }

  @Test
  void pendingAppliesOutOfOrderScriptsThatStatusPointsOut(TestDatabase db) {
    Console console = console(db);
    run(console, "up");
    scripts.write("20251010000000_Seed.sql", "-- // seed\nINSERT INTO categories (name) VALUES ('a');\n-- //@UNDO\n");

    Run status = run(console, "status");
    assertThat(status.out()).contains("out of order").contains("run `pending`");
    Run up = run(console, "up");
    assertThat(up.out()).contains("run `pending` to apply them");

    assertThat(run(console, "pending").exitCode()).isZero();
    assertThat(db.query("select name from categories")).containsExactly("a");
  }

  @Test
  void newInAReadOnlyScriptsFolderNamesTheFolderAndThePermission(TestDatabase db) throws Exception {
    Console console = console(db);
    Path folder = scripts.repository().resolve("scripts");
    readOnly(folder);
    try {
      Run run = run(console, "new", "Add audit log");

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.err()).contains(folder.toString()).contains("not writable").contains("r-xr-xr-x")
          .doesNotContain("jar");
    } finally {
      new ProcessBuilder("chattr", "-i", folder.toString()).start().waitFor();
    }
  }

  /** Mode 555; as root, whom modes do not stop, the immutable attribute too (ext4's chattr +i). */
  private static void readOnly(Path folder) throws Exception {
    Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("r-xr-xr-x"));
    if (Files.isWritable(folder)) {
      new ProcessBuilder("chattr", "+i", folder.toString()).start().waitFor();
    }
    org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(folder), "cannot make a folder read-only here");
  }

  @Test
  void newWritesAScriptAndRejectsAnEmptyDescriptionAsUsageError(TestDatabase db) throws Exception {
    Console console = console(db);

    Run created = run(console, "new", "Populate", "default", "categories", "--template", "empty");
    assertThat(created.exitCode()).isZero();
    assertThat(created.out()).contains("Created ").contains("_Populate_default_categories.sql").contains("Review it");
    try (var files = Files.list(scripts.scriptsDir())) {
      assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.endsWith("_Populate_default_categories.sql"));
    }

    Run empty = run(console, "new");
    assertThat(empty.exitCode()).isEqualTo(2);
    assertThat(empty.err()).contains("needs a description");
    Run badTemplate = run(console, "new", "x", "--template", "nope");
    assertThat(badTemplate.exitCode()).isEqualTo(2);
  }

  @Test
  void usageErrorsExitTwo(TestDatabase db) {
    Console console = console(db);

    Run unknownCommand = run(console, "frobnicate");
    assertThat(unknownCommand.exitCode()).isEqualTo(2);
    assertThat(unknownCommand.err()).isEqualTo("Error: Unknown command \"frobnicate\"; type `help` to list the commands."
        + System.lineSeparator());
    assertThat(run(console, "up", "--bogus").exitCode()).isEqualTo(2);
    assertThat(run(console, "up", "--to").exitCode()).isEqualTo(2);
    assertThat(run(console, "up", "--to", "nonsense!").exitCode()).isEqualTo(2);
    assertThat(console.run("--lock-timeout", "soon", "status").exitCode()).isEqualTo(2);
    assertThat(db.query("select to_regclass('public.changelog') is null")).containsExactly("t");
  }

  @Test
  void aFailingStatementExitsOneNamingFileAndLine(TestDatabase db) {
    Console console = console(db);
    run(console, "up");
    scripts.write("20251101000000_Broken.sql", "-- // broken\nSELECT 1;\nALTER TABLE nope ADD x int;\n-- //@UNDO\n");

    Run run = run(console, "up");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("Error: 20251101000000_Broken.sql line 3: ERROR: relation \"nope\" does not exist");
    assertThat(db.appliedIds()).hasSize(3);
  }

  @Test
  void connectionRefusedExitsOneWithTheHostPortAndTheHint(TestDatabase db) throws Exception {
    int closed = ClosedPort.number();
    Console console = console(db).with("POSTGRES_PORT", Integer.toString(closed));

    Run run = run(console, "status");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("localhost:" + closed).contains("auth-db:5432").contains("localhost:5435");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void debugShowsTheStackTrace(TestDatabase db) {
    Run run = run(console(db), "--debug", "version", "20990101");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("UnknownMigration").contains("\tat ");
  }

  @Test
  void theCommandsShareOneConversionServiceForTheirOptions(TestDatabase db) {
    Run run = run(console(db), "--debug", "status");

    assertThat(run.exitCode()).as(run.err()).isZero();
    // With none in the context Spring Shell builds a conversion service per command, each with every converter.
    assertThat(run.err()).doesNotContain("No ConfigurableConversionService bean found");
  }

  @Test
  void aCommandOnTheCommandLineBuildsOnlyItselfWhileHelpAndAnUnknownCommandSeeThemAll(TestDatabase db) {
    Run status = run(console(db), "--debug", "status");
    Run help = run(console(db), "--debug", "help");
    Run unknown = run(console(db), "--debug", "stauts");

    assertThat(status.exitCode()).as(status.err()).isZero();
    // Spring logs each bean it creates; the registry creates the bean behind every command it builds.
    assertThat(status.err()).contains("singleton bean 'statusCommands'").doesNotContain("'verifyCommands'")
        .doesNotContain("'runCommands'");
    assertThat(help.out()).contains("verify").contains("upgrade");
    assertThat(help.err()).contains("singleton bean 'verifyCommands'");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("Unknown command \"stauts\"; type `help` to list the commands.");
  }

  @Test
  void theContextCreatesNoProcessorForEventListenersItDoesNotHave(TestDatabase db) {
    Run run = run(console(db), "--debug", "status");

    assertThat(run.exitCode()).as(run.err()).isZero();
    // Spring's processor inspects the class of every bean for @EventListener methods, of which there are none.
    assertThat(run.err()).contains("singleton bean 'statusCommands'").doesNotContain("internalEventListenerProcessor");
  }

  @Test
  void aCommandOnTheCommandLineBuildsNoneOfTheReplsCompletion(TestDatabase db) {
    Run run = run(console(db), "--debug", "status");

    assertThat(run.exitCode()).as(run.err()).isZero();
    // The completer and the completions it is given are the REPL's; finding the one it names by its qualifier
    // read the annotations of every @Bean method that makes a completion.
    assertThat(run.err()).contains("singleton bean 'statusCommands'").doesNotContain("'consoleCompleter'")
        .doesNotContain("'fleetCompletion'");
  }

  @Test
  void currentHistoryAndShowDescribeTheMigrations(TestDatabase db) {
    Console console = console(db);
    run(console, "up", "2");

    assertThat(run(console, "current").out()).contains(INITIAL + " Initial migration").contains("1 pending");
    Run history = run(console, "history", "--verbose");
    assertThat(history.out().indexOf(PHONE)).isLessThan(history.out().indexOf(INITIAL));
    assertThat(history.out()).contains("file:       20251001000100_Initial_migration.sql").contains("| CREATE TABLE users (");
    Run show = run(console, "show", "202510150");
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).contains("ALTER TABLE users ADD COLUMN phone_number").contains("-- undo")
        .contains("DROP COLUMN phone_number").contains("[pending]");
  }

  @Test
  void helpExplainsACommandWithAnExample(TestDatabase db) {
    Run help = run(console(db), "help", "new");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("new - Write a new migration script").contains("Always review the script")
        .contains("--template");
    assertThat(run(console(db), "help").out()).contains("Migrate").contains("status").contains("Exit codes");
  }

  @Test
  void thePasswordNeverAppears(TestDatabase db) {
    Console console = console(db).with("POSTGRES_PASSWORD", "s3cr3t-Passw0rd");

    String everything = run(console, "status").out() + run(console, "env").out() + run(console, "--debug", "status").err()
        + run(console, "version", "nope").err();

    assertThat(everything).doesNotContain("s3cr3t-Passw0rd");
  }
}
