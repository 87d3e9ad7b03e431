package com.authservice.migrate.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.testing.PostgresExtension;
import com.authservice.migrate.testing.TestDatabase;
import com.authservice.migrate.testing.TestScripts;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/migrate in the daily loop, on a copy of the built checkout (so that touching its sources leaves this one
 * alone): a new or edited script builds nothing and is read from the folder; a changed Java source builds
 * once, however many commands start together.
 */
@ExtendWith(PostgresExtension.class)
class LauncherProcessTest {

  /** What the copy leaves out: history, the embedded database's data, training archives, the tests' reports. */
  private static final Set<String> NOT_COPIED = Set.of(".git", ".migrate", "app", "failsafe-reports",
      "surefire-reports", "bench");

  @TempDir
  Path dir;

  private record Run(int exitCode, String out, String err, Duration took) {
  }

  @Test
  void aNewScriptBuildsNothingAndAChangedJavaSourceBuildsOnceForCommandsStartedTogether(TestDatabase db)
      throws Exception {
    Path checkout = copyOfBuiltCheckout(dir.resolve("checkout"));
    Path jar = checkout.resolve("shell/target/auth-migrate.jar");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now()));
    Run first = start(checkout, elsewhere, db, "status").await();
    assertThat(first.exitCode()).as(first.err()).isZero();
    FileTime built = Files.getLastModifiedTime(jar);

    // What `new` and an editor do: a script written after the jar, and an environment file touched.
    Files.writeString(checkout.resolve("migrations/scripts/20251120000000_Add_age_to_users.sql"), """
        -- // Add age to users
        ALTER TABLE users ADD COLUMN age integer;
        -- //@UNDO
        ALTER TABLE users DROP COLUMN age;
        """);
    touchAfter(checkout.resolve("migrations/environments/development.properties"), built);
    Run afterNewScript = start(checkout, elsewhere, db, "status").await();

    assertThat(afterNewScript.exitCode()).as(afterNewScript.err()).isZero();
    assertThat(afterNewScript.err()).doesNotContain("Building");
    assertThat(Files.getLastModifiedTime(jar)).isEqualTo(built);
    assertThat(afterNewScript.took()).isLessThan(Duration.ofSeconds(30));
    assertThat(afterNewScript.out()).contains("20251120000000").contains("0 applied, 4 pending");

    touchAfter(checkout.resolve("auth-domain/src/main/java/com/authservice/domain/User.java"), built);
    Started one = start(checkout, elsewhere, db, "status");
    Started other = start(checkout, elsewhere, db, "status");
    Run oneRun = one.await();
    Run otherRun = other.await();

    assertThat(oneRun.exitCode()).as(oneRun.err()).isZero();
    assertThat(otherRun.exitCode()).as(otherRun.err()).isZero();
    assertThat(oneRun.out()).contains("0 applied, 4 pending");
    assertThat(otherRun.out()).contains("0 applied, 4 pending");
    assertThat(count("Building the console", oneRun.err() + otherRun.err())).isEqualTo(1);
    assertThat(Files.getLastModifiedTime(jar)).isGreaterThan(built);
  }

  @Test
  void theFirstCommandTrainsAStartUpArchiveForItsJdkThatLaterCommandsUseAndAnUnusableOneIsIgnored(TestDatabase db)
      throws Exception {
    Path checkout = copyOfBuiltCheckout(dir.resolve("checkout"));
    Path app = checkout.resolve("shell/target/app");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    // A JDK of its own (a java that runs this one), so that it can be "upgraded in place" below.
    Path jdk = Files.createDirectories(dir.resolve("jdk/bin"));
    Path java = jdk.resolve("java");
    Files.writeString(java, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java") + "' \"$@\"\n");
    java.toFile().setExecutable(true);
    Map<String, String> onThatJdk = Map.of("JAVA_HOME", jdk.getParent().toString());
    // Where classes came from, and whether the archive's heap objects were mapped (the JDK's module graph among them).
    String archiveLog = Runtime.version().feature() >= 25 ? "-Xlog:aot" : "-Xlog:cds";
    Map<String, String> showingClassSources = Map.of("JAVA_HOME", jdk.getParent().toString(),
        "MIGRATE_JAVA_OPTS", "-Xlog:class+load " + archiveLog);

    Run training = start(checkout, elsewhere, db, onThatJdk, "status").await();
    assertThat(training.exitCode()).as(training.err()).isZero();
    assertThat(training.out()).contains("0 applied, 3 pending");
    assertThat(training.err()).isEmpty();
    List<Path> archives = archives(app);
    assertThat(archives).hasSize(1);

    Run trained = start(checkout, elsewhere, db, showingClassSources, "status").await();
    assertThat(trained.exitCode()).as(trained.err()).isZero();
    assertThat(trained.out()).contains("commands.StatusCommands source: shared objects file")
        .contains("full module graph: enabled");

    // However the launcher is named (relative, through its own folder, with ..), the archive is found and used, not
    // retrained beside another.
    Path bin = checkout.resolve("bin");
    Map<List<String>, Path> namings = Map.of(List.of("bin/migrate", "status"), checkout,
        List.of("./migrate", "status"), bin,
        List.of("../checkout/bin/migrate", "status"), elsewhere,
        List.of(bin + "/../bin/migrate", "status"), elsewhere);
    for (Map.Entry<List<String>, Path> naming : namings.entrySet()) {
      Run named = start(naming.getKey(), naming.getValue(), db, showingClassSources).await();
      assertThat(named.exitCode()).as(named.err()).isZero();
      assertThat(named.out()).as(naming.getKey().get(0)).contains("commands.StatusCommands source: shared objects file");
    }
    assertThat(archives(app)).hasSize(1);

    // Damaged, or written by another build of the same JDK: the JVM ignores it and the command runs as ever.
    Files.writeString(archives.get(0), "not an archive");
    Run unusable = start(checkout, elsewhere, db, onThatJdk, "status").await();
    assertThat(unusable.exitCode()).as(unusable.err()).isZero();
    assertThat(unusable.out()).contains("0 applied, 3 pending");
    assertThat(unusable.err()).isEmpty();

    // The JDK upgraded in place: a new archive is trained for it and used.
    touchAfter(java, Files.getLastModifiedTime(java));
    Run retraining = start(checkout, elsewhere, db, onThatJdk, "status").await();
    assertThat(retraining.exitCode()).as(retraining.err()).isZero();
    assertThat(archives(app)).hasSize(2);
    Run retrained = start(checkout, elsewhere, db, showingClassSources, "status").await();
    assertThat(retrained.out()).contains("commands.StatusCommands source: shared objects file");
  }

  @Test
  void aFirstCommandThatFailsTrainsNoArchiveAndTheNextOneThatSucceedsDoes(TestDatabase db) throws Exception {
    Path checkout = copyOfBuiltCheckout(dir.resolve("checkout"));
    Path app = checkout.resolve("shell/target/app");
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

    // The database not there yet: a run that loads the error's classes instead of the command's would make a poor
    // archive for every later command.
    Run failed = start(checkout, elsewhere, db, Map.of("POSTGRES_DB", "not_created_yet"), "status").await();
    assertThat(failed.exitCode()).isEqualTo(1);
    assertThat(failed.err()).contains("not_created_yet");
    assertThat(archives(app)).isEmpty();

    Run succeeded = start(checkout, elsewhere, db, "status").await();
    assertThat(succeeded.exitCode()).as(succeeded.err()).isZero();
    assertThat(archives(app)).hasSize(1);
  }

  @Test
  void onOneOrTwoProcessorsTheConsoleRunsOneCompilerThreadAndOnMoreTheJvmsOwnCount(TestDatabase db) throws Exception {
    Path checkout = copyOfBuiltCheckout(dir.resolve("checkout"));
    Map<String, String> showingFlags = Map.of("MIGRATE_JAVA_OPTS", "-XX:+PrintFlagsFinal");
    String oneThread = "(?s).*CICompilerCount +:?= 1 [^\\n]*\\{command line}.*";

    for (String processors : List.of("0", "0,1")) {
      Run pinned = start(List.of("taskset", "-c", processors, checkout.resolve("bin/migrate").toString(), "--version"),
          checkout, db, showingFlags).await();
      assertThat(pinned.exitCode()).as(pinned.err()).isZero();
      assertThat(pinned.out()).as("on processors " + processors).matches(oneThread);
    }
    if (Runtime.getRuntime().availableProcessors() >= 3) {
      Run three = start(List.of("taskset", "-c", "0-2", checkout.resolve("bin/migrate").toString(), "--version"),
          checkout, db, showingFlags).await();
      assertThat(three.exitCode()).as(three.err()).isZero();
      assertThat(three.out()).contains("CICompilerCount").doesNotMatch(oneThread);
    }
  }

  @Test
  void aSignalToTheLauncherWhileItTrainsItsArchiveCancelsTheCommand(TestDatabase db) throws Exception {
    Path checkout = copyOfBuiltCheckout(dir.resolve("checkout"));
    Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
    TestScripts.withChangelogOnly(elsewhere.resolve("migrations")).write("20251101000000_Slow.sql", """
        -- // Slow
        CREATE TABLE slow_table (id integer);
        SELECT pg_sleep(30);
        -- //@UNDO
        DROP TABLE slow_table;
        """);
    // No archive in the copy: this first command trains one, so the launcher waits for the JVM instead of exec-ing it.
    Started up = start(checkout, elsewhere, db, "up");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!db.queryOne("select count(*) from pg_stat_activity where query like '%pg_sleep(30)%'"
        + " and state = 'active' and pid <> pg_backend_pid()").equals("1")) {
      assertThat(System.nanoTime()).as("the migration runs pg_sleep(30)").isLessThan(deadline);
      Thread.sleep(100);
    }

    // What a CI job's cancel or `kill -INT` does: the signal goes to the launcher's pid only.
    assertThat(new ProcessBuilder("kill", "-INT", Long.toString(up.process.pid())).start().waitFor()).isZero();

    assertThat(up.process.waitFor(20, TimeUnit.SECONDS)).as("the console ended").isTrue();
    Run run = up.await();
    assertThat(run.exitCode()).as(run.err()).isEqualTo(130);
    assertThat(run.err()).contains("Cancelled: 20251101000000_Slow.sql was rolled back and is not applied");
    assertThat(db.tables()).doesNotContain("slow_table");
  }

  /** The start-up archives the launcher keeps (class-data sharing on JDK 17-24, the AOT cache on 25+). */
  private static List<Path> archives(Path app) throws IOException {
    try (var files = Files.list(app)) {
      return files.filter(f -> f.getFileName().toString().matches("auth-migrate-\\d+-\\d+\\.(jsa|aot)")).toList();
    }
  }

  private static void touchAfter(Path file, FileTime time) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(time.toInstant().plusSeconds(2)));
  }

  private static int count(String text, String in) {
    return in.split(java.util.regex.Pattern.quote(text), -1).length - 1;
  }

  private final class Started {
    private final Process process;
    private final Path out;
    private final Path err;
    private final Instant began = Instant.now();

    Started(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
    }

    Run await() throws IOException, InterruptedException {
      assertThat(process.waitFor(15, TimeUnit.MINUTES)).as("bin/migrate finished").isTrue();
      return new Run(process.exitValue(), Files.readString(out), Files.readString(err),
          Duration.between(began, Instant.now()));
    }
  }

  private int runs;

  /** bin/migrate of {@code checkout} started in {@code workingDir}, with the user's HOME (Maven's repository). */
  private Started start(Path checkout, Path workingDir, TestDatabase db, String... args) throws IOException {
    return start(checkout, workingDir, db, Map.of(), args);
  }

  private Started start(Path checkout, Path workingDir, TestDatabase db, Map<String, String> extra, String... args)
      throws IOException {
    return start(concat(checkout.resolve("bin/migrate").toString(), args), workingDir, db, extra);
  }

  private Started start(List<String> command, Path workingDir, TestDatabase db, Map<String, String> extra)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile());
    builder.environment().keySet().removeIf(key -> key.startsWith("POSTGRES_") || key.startsWith("MIGRATE_"));
    Map<String, String> variables = new PackagedConsole(dir, db.settings()).environment();
    variables.remove("HOME");
    builder.environment().putAll(variables);
    builder.environment().put("MIGRATE_RUNTIME", "jvm");
    builder.environment().putAll(extra);
    int run = ++runs;
    Path out = dir.resolve("out-" + run + ".txt");
    Path err = dir.resolve("err-" + run + ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    return new Started(builder.start(), out, err);
  }

  private static List<String> concat(String first, String... rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), java.util.Arrays.stream(rest)).toList();
  }

  /** The checkout with its build output, times kept, so that the copy's jar is as current as this one's. */
  private static Path copyOfBuiltCheckout(Path target) throws IOException {
    Path root = PackagedConsole.ROOT;
    Files.walkFileTree(root, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) throws IOException {
        if (!folder.equals(root) && NOT_COPIED.contains(folder.getFileName().toString())) {
          return FileVisitResult.SKIP_SUBTREE;
        }
        Files.createDirectories(target.resolve(root.relativize(folder).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
        if (!file.getFileName().toString().endsWith(".log")) {
          Files.copy(file, target.resolve(root.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
        }
        return FileVisitResult.CONTINUE;
      }
    });
    return target;
  }
}
