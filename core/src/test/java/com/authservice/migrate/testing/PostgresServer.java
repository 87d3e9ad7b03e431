package com.authservice.migrate.testing;

import com.authservice.migrate.settings.ConnectionSettings;
import com.authservice.migrate.settings.Password;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * One real PostgreSQL server per test run, chosen in this order: the server named by
 * {@code MIGRATE_TEST_JDBC_URL} (with {@code MIGRATE_TEST_USER}, {@code MIGRATE_TEST_PASSWORD});
 * a Testcontainers container of {@code MIGRATE_TEST_IMAGE} (default {@code postgres:18-alpine}) when a Docker
 * engine has that image or can pull it; otherwise an embedded server (zonky), which is what CI uses.
 * Tests get fresh databases on it, never mocks.
 */
public final class PostgresServer {

  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final String RYUK = "testcontainers/ryuk";
  /** The Ryuk that Testcontainers 2.0.5 starts: pulling it shows whether the engine can get Ryuk at all. */
  private static final String RYUK_PROBE = RYUK + ":0.14.0";
  private static PostgresServer instance;

  private final String host;
  private final int port;
  private final String user;
  private final String password;
  private final String kind;

  private PostgresServer(String host, int port, String user, String password, String kind) {
    this.host = host;
    this.port = port;
    this.user = user;
    this.password = password;
    this.kind = kind;
  }

  public static synchronized PostgresServer get() {
    if (instance == null) {
      instance = start();
    }
    return instance;
  }

  /** A new, empty database on this server; the name is unique in this run. */
  public TestDatabase createDatabase() {
    String name = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create test database " + name, e);
    }
    return new TestDatabase(this, settings(name));
  }

  public ConnectionSettings settings(String database) {
    return new ConnectionSettings(host, port, database, user, new Password(password), "public", null);
  }

  public Connection connect(String database) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
  }

  /** {@code embedded PostgreSQL 18.1}, for test reports and closing notes. */
  public String describe() {
    try (Connection connection = connect("postgres")) {
      return kind + " PostgreSQL " + connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return kind + " PostgreSQL";
    }
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  private static PostgresServer start() {
    String url = System.getenv("MIGRATE_TEST_JDBC_URL");
    if (url != null && !url.isBlank()) {
      Properties parsed = org.postgresql.Driver.parseURL(url, new Properties());
      return new PostgresServer(parsed.getProperty("PGHOST"), Integer.parseInt(parsed.getProperty("PGPORT")),
          env("MIGRATE_TEST_USER", "postgres"), env("MIGRATE_TEST_PASSWORD", ""), "external");
    }
    String image = env("MIGRATE_TEST_IMAGE", "postgres:18-alpine");
    if (!"false".equals(System.getenv("MIGRATE_TEST_DOCKER"))) {
      Optional<URI> engine = engineThatCanRun(image);
      if (engine.isPresent()) {
        return startContainer(image, engine.get());
      }
    }
    return startEmbedded();
  }

  private static PostgresServer startContainer(String image, URI engine) {
    // Connections come through the engine's port mapping, from an address of its network: "all".
    String hba = "cat > \"$PGDATA/pg_hba.conf\" <<'EOF'\n" + passwordsForOtherUsers(List.of("all")) + "EOF\n";
    PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(image).asCompatibleSubstituteFor("postgres"))
        .withUsername("postgres").withPassword("postgres")
        .withCopyToContainer(Transferable.of(hba), "/docker-entrypoint-initdb.d/pg_hba.sh")
        .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "max_connections=300");
    container.start();
    Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
    // An engine on a local socket publishes ports on this machine, where the tests expect "localhost";
    // Testcontainers answers the bridge's gateway instead when it finds itself inside a container.
    String host = "unix".equals(engine.getScheme()) ? "localhost" : container.getHost();
    return new PostgresServer(host, container.getMappedPort(5432), container.getUsername(), container.getPassword(),
        "Testcontainers");
  }

  private static PostgresServer startEmbedded() {
    try {
      Path work = Files.createTempDirectory("migrate-test-pg");
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setOverrideWorkingDirectory(work.toFile())
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "300")
          .setDataDirectoryCustomizer(PostgresServer::requirePasswordsForOtherUsers)
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // The JVM is exiting; the server's temporary files go with the directory.
        }
      }));
      return new PostgresServer("localhost", postgres.getPort(), "postgres", "postgres", "embedded");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
    }
  }

  /**
   * zonky trusts every local connection, and the official image every password from its own host; tests of a
   * wrong password need the server to check one. The superuser stays trusted, on both kinds of server, so the
   * fixture itself needs no secret and tests may connect as {@code postgres} with any password.
   */
  private static String passwordsForOtherUsers(List<String> addresses) {
    StringBuilder hba = new StringBuilder("local all all trust\n");
    addresses.forEach(address -> hba.append("host all postgres ").append(address).append(" trust\n"));
    addresses.forEach(address -> hba.append("host all all ").append(address).append(" scram-sha-256\n"));
    return hba.toString();
  }

  private static void requirePasswordsForOtherUsers(java.io.File dataDirectory) {
    try {
      Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"),
          passwordsForOtherUsers(List.of("127.0.0.1/32", "::1/128")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether Testcontainers can start the image here, decided within seconds: the engine has the image or pulls
   * it, and has Ryuk (Testcontainers' clean-up container) or pulls it, unless TESTCONTAINERS_RYUK_DISABLED=true.
   * Otherwise one line says why and the embedded server is used.
   */
  private static Optional<URI> engineThatCanRun(String image) {
    Optional<DockerEngine> found = DockerEngine.find();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    try (DockerEngine engine = found.get()) {
      if (!engine.answers()) {
        return Optional.empty();
      }
      Optional<String> missing = Optional.empty();
      if (!engine.has(image)) {
        missing = engine.pull(image)
            .map(why -> "has no image " + image + " and cannot pull it (" + why + "); set MIGRATE_TEST_IMAGE to one it has");
      }
      boolean ryukDisabled = "true".equalsIgnoreCase(System.getenv("TESTCONTAINERS_RYUK_DISABLED"));
      if (missing.isEmpty() && !ryukDisabled && !engine.hasAnyOf(RYUK)) {
        missing = engine.pull(RYUK_PROBE).map(why -> "has no Ryuk image (" + RYUK + ") and cannot pull "
            + RYUK_PROBE + " (" + why + "); set TESTCONTAINERS_RYUK_DISABLED=true to run without it");
      }
      missing.ifPresent(why -> System.err.println(
          "Tests: the Docker engine at " + engine.address() + " " + why + ". Using the embedded PostgreSQL."));
      return missing.isEmpty() ? Optional.of(engine.address()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
