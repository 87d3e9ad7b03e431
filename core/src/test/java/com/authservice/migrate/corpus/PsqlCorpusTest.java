package com.authservice.migrate.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.authservice.migrate.corpus.Alignment.Difference;
import com.authservice.migrate.sql.SqlStatements.Statement;
import com.authservice.migrate.sql.SqlStatements;
import com.authservice.migrate.testing.PostgresServer;
import com.authservice.migrate.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Our splitter against psql on SQL nobody here wrote: PostgreSQL's regression scripts, from the folder named
 * by {@code MIGRATE_PSQL_CORPUS} ({@code .ci/psql-corpus} fetches them from Debian's source package and runs
 * this). Each file, made plain SQL ({@link CorpusFile}), runs through psql on a fresh database of the test
 * server; the queries psql logged ({@code -L}) are compared with {@link SqlStatements#split(String)}.
 */
@EnabledIfEnvironmentVariable(named = "MIGRATE_PSQL_CORPUS", matches = ".+")
class PsqlCorpusTest {

  private static final int PSQL_SECONDS = 120;
  /**
   * The files whose differences are psql-only input, kept as the corpus has it: {@code \;} (psql joins the
   * statements around it into one query) in copyselect and transactions; psql's own variable
   * {@code :'LAST_ERROR_MESSAGE'} in create_function_c; backslash commands in mid-line ({@code \if} ...
   * {@code \endif}, discarding an unbalanced parenthesis) in psql. A difference anywhere else fails the check.
   */
  private static final Set<String> PSQL_ONLY = Set.of("copyselect.sql", "create_function_c.sql", "psql.sql",
      "transactions.sql");
  private static final int SHOWN = 70;

  @Test
  void ourStatementsAreThoseThatPsqlSends() throws Exception {
    Path corpus = Path.of(System.getenv("MIGRATE_PSQL_CORPUS"));
    Path work = Files.createTempDirectory("psql-corpus");
    List<Path> files;
    try (Stream<Path> listing = Files.list(corpus)) {
      // MIGRATE_PSQL_CORPUS_FILES (a regular expression) picks some files, to look into a difference.
      String only = System.getenv().getOrDefault("MIGRATE_PSQL_CORPUS_FILES", ".*");
      files = listing.filter(f -> f.getFileName().toString().matches("(" + only + ")\\.sql")).sorted().toList();
    }
    PostgresServer server = PostgresServer.get();
    List<String> report = new ArrayList<>();
    int statements = 0;
    int ours = 0;
    int identical = 0;
    int meta = 0;
    int terminators = 0;
    int copies = 0;
    int dataLines = 0;
    List<String> differences = new ArrayList<>();
    Set<String> unexpected = new TreeSet<>();
    for (Path file : files) {
      CorpusFile plain = CorpusFile.of(Files.readString(file, StandardCharsets.UTF_8));
      meta += plain.metaLines();
      terminators += plain.terminators();
      copies += plain.copies();
      dataLines += plain.copyDataLines();
      Path sql = work.resolve(file.getFileName());
      Files.writeString(sql, plain.sql(), StandardCharsets.UTF_8);
      List<String> sent = PsqlLog.queries(runPsql(server.createDatabase(), sql, work.resolve("log"), report, file))
          .stream().map(PsqlCorpusTest::normalized).filter(q -> !q.isEmpty()).toList();
      List<Statement> split = SqlStatements.split(plain.sql());
      Alignment alignment = new Alignment(sent, split.stream().map(s -> normalized(s.sql())).toList(),
          split.stream().map(Statement::line).toList());
      statements += sent.size();
      ours += split.size();
      identical += alignment.identical();
      if (!alignment.differences().isEmpty() && !PSQL_ONLY.contains(file.getFileName().toString())) {
        unexpected.add(file.getFileName().toString());
      }
      for (Difference d : alignment.differences()) {
        differences.add(file.getFileName() + ":" + d.line() + "\n    psql (" + d.psql().size() + "): "
            + shown(d.psql()) + "\n    ours (" + d.ours().size() + "): " + shown(d.ours()));
      }
    }
    report.add(0, String.format("files %d, statements psql sent %d, ours %d, identical %d (%.2f%%), differences %d",
        files.size(), statements, ours, identical, 100.0 * identical / Math.max(1, statements), differences.size()));
    report.add(1, String.format("made plain SQL: %d meta-command lines removed, %d \\g-family terminators written "
        + "as ';', %d COPY FROM stdin lines removed with %d data lines", meta, terminators, copies, dataLines));
    report.addAll(differences);
    String text = String.join("\n", report) + "\n";
    Files.writeString(Path.of("target", "psql-corpus.txt"), text, StandardCharsets.UTF_8);
    System.out.print(text);
    assertThat(files).isNotEmpty();
    assertThat(identical).isPositive();
    assertThat(unexpected).as("files where our statements differ from psql's beyond psql-only input").isEmpty();
  }

  /** psql's log of what it sent for {@code sql}; a psql that has to be stopped is reported. */
  private static String runPsql(TestDatabase db, Path sql, Path log, List<String> report, Path file)
      throws IOException, InterruptedException {
    Files.deleteIfExists(log);
    ProcessBuilder psql = new ProcessBuilder("psql", "-X", "-q", "-h", db.settings().host(),
        "-p", Integer.toString(db.settings().port()), "-U", db.server().user(), "-d", db.name(),
        "-f", sql.toString(), "-L", log.toString())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    psql.environment().put("PGPASSWORD", db.server().password());
    // Regression statements run for real on a scratch database; none may hold the check up for long.
    psql.environment().put("PGOPTIONS", "-c statement_timeout=2s");
    Process process = psql.start();
    if (!process.waitFor(PSQL_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      report.add("note: psql stopped after " + PSQL_SECONDS + " s on " + file.getFileName());
    }
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  /**
   * The statement without what psql keeps and we drop (comments before it, the final semicolon) and what
   * psql drops and we keep: empty lines, which psql skips while reading a file (outside quotes; runs of
   * empty lines in quotes are collapsed on both sides alike).
   */
  private static String normalized(String sql) {
    String text = sql.strip().replaceAll("\n\n+", "\n");
    while (true) {
      if (text.startsWith("--")) {
        int newline = text.indexOf('\n');
        text = newline < 0 ? "" : text.substring(newline + 1).strip();
      } else if (text.startsWith("/*")) {
        text = afterComment(text);
      } else {
        break;
      }
    }
    return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
  }

  private static String afterComment(String text) {
    int depth = 0;
    for (int i = 0; i + 1 < text.length(); i++) {
      if (text.startsWith("/*", i)) {
        depth++;
        i++;
      } else if (text.startsWith("*/", i) && --depth == 0) {
        return text.substring(i + 2).strip();
      } else if (text.startsWith("*/", i)) {
        i++;
      }
    }
    return "";
  }

  private static String shown(List<String> statements) {
    String joined = String.join(" | ", statements).replaceAll("\\s+", " ");
    return joined.length() <= SHOWN ? joined : joined.substring(0, SHOWN) + "...";
  }
}
