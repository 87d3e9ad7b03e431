package com.authservice.migrate.run;

import com.authservice.migrate.mybatis.ScriptFolder;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scripts and their checksums, read on another thread while the caller waits on the database: listing and
 * hashing a thousand scripts takes about as long as connecting and reading the changelog, so status costs the
 * longer of the two instead of their sum.
 */
public final class ScriptSnapshot {

  private record Read(List<Migration> migrations, Map<MigrationId, String> checksums) {
  }

  private final ScriptFolder scripts;
  private final CompletableFuture<Read> reading;

  private ScriptSnapshot(ScriptFolder scripts, CompletableFuture<Read> reading) {
    this.scripts = scripts;
    this.reading = reading;
  }

  /** Starts reading {@code scripts}; a malformed script is thrown by {@link #migrations()}, as listing would. */
  public static ScriptSnapshot start(ScriptFolder scripts) {
    return new ScriptSnapshot(scripts, CompletableFuture.supplyAsync(() -> {
      List<Migration> migrations = scripts.migrations();
      Map<MigrationId, String> checksums = new ConcurrentHashMap<>();
      migrations.parallelStream().forEach(migration -> checksumOf(scripts, migration)
          .ifPresent(checksum -> checksums.put(migration.id(), checksum)));
      return new Read(migrations, checksums);
    }));
  }

  /** Empty for a script that cannot be read: only an applied one must be, and {@link #checksum} then says why. */
  private static Optional<String> checksumOf(ScriptFolder scripts, Migration migration) {
    try {
      return Optional.of(scripts.checksum(migration));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  public List<Migration> migrations() {
    return read().migrations();
  }

  /** The script's checksum; one that could not be read is read again here, to fail as reading it fails. */
  public String checksum(Migration migration) {
    String checksum = read().checksums().get(migration.id());
    return checksum != null ? checksum : scripts.checksum(migration);
  }

  /** Waits for the reading; what it threw is thrown here as it was, not wrapped. */
  private Read read() {
    try {
      return reading.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }
}
