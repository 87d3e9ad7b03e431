package com.authservice.migrate.sql;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Statements a migration's own transaction cannot hold. {@code COMMIT} (or {@code BEGIN}, {@code ROLLBACK}, ...)
 * would end it early: what ran before stays without its changelog row, and the rest runs outside any transaction.
 * {@code VACUUM}, {@code CREATE INDEX CONCURRENTLY} and the others in PostgreSQL's documentation refuse to run
 * inside a transaction block at all. Either way the script belongs in {@code -- migrate:no-transaction}, which is
 * what the message says, before the first statement runs.
 */
public final class TransactionControl {

  private static final Pattern COMMENTS = Pattern.compile("(?s)--[^\\n]*|/\\*.*?\\*/");

  /** Ends or starts a transaction; {@code ROLLBACK TO SAVEPOINT} does not, nor {@code BEGIN ATOMIC} inside a body. */
  private static final Pattern ENDS_TRANSACTION = Pattern.compile(
      "^(begin|start transaction|commit|end|rollback|abort|prepare transaction)\\b(?!.*\\bto\\b).*", Pattern.DOTALL);

  /** The statements PostgreSQL's reference pages say "cannot be executed inside a transaction block". */
  private static final List<Pattern> NO_TRANSACTION_BLOCK = List.of(
      "^create (unique )?index concurrently\\b",
      "^drop index concurrently\\b",
      "^reindex\\b.*\\bconcurrently\\b",
      "^reindex( \\([^)]*\\))? (database|system)\\b",
      "^vacuum\\b",
      "^(create|drop) (database|tablespace)\\b",
      "^alter system\\b",
      "^alter database\\b.*\\bset tablespace\\b",
      "^cluster( verbose| \\([^)]*\\))?$",
      "^alter table\\b.*\\bdetach partition\\b.*\\bconcurrently\\b",
      "^(commit|rollback) prepared\\b",
      "^discard all\\b",
      "^create subscription\\b(?!.*\\bcreate_slot ?= ?false\\b)")
      .stream().map(regex -> Pattern.compile(regex, Pattern.DOTALL)).toList();

  private TransactionControl() {
  }

  /** Why {@code sql} cannot run in the migration's transaction, with the fix; empty when it can. */
  public static Optional<String> problem(String sql) {
    String text = COMMENTS.matcher(sql).replaceAll(" ").strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    String shown = shown(text);
    for (Pattern pattern : NO_TRANSACTION_BLOCK) {
      if (pattern.matcher(text).find()) {
        return Optional.of(shown + " cannot run inside a transaction block, and every migration runs in one: "
            + "put it in a script of its own whose first lines hold -- migrate:no-transaction");
      }
    }
    if (ENDS_TRANSACTION.matcher(text).matches()) {
      return Optional.of(shown + " would end the migration's transaction, which also records it in the changelog: "
          + "remove it (each migration runs in one transaction), or mark the script -- migrate:no-transaction "
          + "to run its own BEGIN ... COMMIT blocks");
    }
    return Optional.empty();
  }

  /** The statement's first words, as the message names it. */
  private static String shown(String text) {
    String[] words = text.split(" ");
    int count = Math.min(words.length, words[0].equals("create") || words[0].equals("drop") ? 3 : 2);
    String start = String.join(" ", List.of(words).subList(0, count)).toUpperCase(Locale.ROOT);
    return start.replaceAll("[;(].*$", "").strip();
  }
}
