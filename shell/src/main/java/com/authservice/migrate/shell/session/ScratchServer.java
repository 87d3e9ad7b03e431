package com.authservice.migrate.shell.session;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.Password;
import com.authservice.migrate.verify.ScratchDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The throw-away PostgreSQL that schemas are built on ({@code verify}, {@code check --drift}, the schema file): by
 * default an embedded server of its own (zonky's binaries, shared with the console's embedded database in
 * {@code .migrate/binaries}; its data a copy of an initialised folder, in a temporary folder, without fsync, deleted
 * when it stops), or the server a {@code --scratch-url} names. Either way the work happens in databases it creates.
 */
public final class ScratchServer implements AutoCloseable {

  private final EmbeddedPostgres embedded;
  private final Path data;
  private final ConnectionSettings server;

  private ScratchServer(EmbeddedPostgres embedded, Path data, ConnectionSettings server) {
    this.embedded = embedded;
    this.data = data;
    this.server = server;
  }

  static ScratchServer embedded(Path workingDir) {
    Path home = workingDir.resolve(".migrate");
    try {
      Path template = template(home);
      Path data = Files.createTempDirectory("migrate-verify-");
      copy(template, data);
      EmbeddedPostgres postgres = start(home, data);
      return new ScratchServer(postgres, data, new ConnectionSettings("localhost", postgres.getPort(), "postgres",
          "postgres", new Password(""), "public", null));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start an embedded PostgreSQL for verify", e);
    }
  }

  static ScratchServer at(ConnectionSettings server) {
    return new ScratchServer(null, null, server);
  }

  /**
   * An initialised data folder, made once in {@code .migrate/verify-template} and copied for every run: initdb
   * takes seconds, a copy a fraction of one. Made aside and moved into place, so two first runs never share one.
   */
  private static Path template(Path home) throws IOException {
    Path template = home.resolve("verify-template");
    if (Files.isRegularFile(template.resolve("postgresql.conf"))) {
      return template;
    }
    Files.createDirectories(home);
    Path fresh = Files.createTempDirectory(home, "verify-template-");
    start(home, fresh).close();
    try {
      Files.move(fresh, template, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException taken) {
      delete(fresh);
    }
    return template;
  }

  /** zonky runs initdb only when the folder has no postgresql.conf; nothing here must survive a crash. */
  private static EmbeddedPostgres start(Path home, Path data) throws IOException {
    return EmbeddedPostgres.builder()
        .setOverrideWorkingDirectory(home.resolve("binaries").toFile())
        .setDataDirectory(data)
        .setCleanDataDirectory(false)
        .setServerConfig("fsync", "off")
        .setServerConfig("synchronous_commit", "off")
        .setServerConfig("full_page_writes", "off")
        .start();
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().equals("postmaster.pid")) {
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void delete(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  /**
   * A new, empty database holding {@code schema}, left to go with the server: where drift and the schema file
   * build the schema that migrations produce.
   */
  ConnectionSettings emptyDatabase(String schema) {
    return createDatabase(schema).settings();
  }

  /** A new, empty database holding {@code schema} (the target's), for {@code verify} to create and drop. */
  public ScratchDatabase createDatabase(String schema) {
    return ScratchDatabase.create(server, embedded == null ? server.hostAndPort() : "embedded", schema);
  }

  @Override
  public void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException alreadyStopped) {
        // A Ctrl-C on a terminal reaches the server too, which then stops on its own; its folder still goes.
      }
      try {
        delete(data);
      } catch (IOException ignored) {
        // A temporary folder: what is left of it goes with the machine's temporary files.
      }
    }
  }
}
