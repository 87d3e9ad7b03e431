package com.authservice.migrate.mybatis;

import com.authservice.migrate.checksum.Checksum;
import com.authservice.migrate.errors.InvalidArgument;
import com.authservice.migrate.errors.MalformedScript;
import com.authservice.migrate.errors.StateConflict;
import com.authservice.migrate.result.Migration;
import com.authservice.migrate.result.MigrationId;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.ibatis.migration.MigrationReader;
import org.apache.ibatis.migration.VariableReplacer;

/**
 * A MyBatis Migrations repository: {@code scripts/} with {@code <id>_<description>.sql} files and,
 * optionally, {@code environments/<env>.properties} whose extra keys (such as {@code changelog}) are the
 * variables scripts may use as {@code ${name}}, as MyBatis reads them: those of the environment a run targets
 * ({@link #forEnvironment}), {@code development}'s by default. The folder may live on disk or inside a jar,
 * which is why it is read through {@link Path} and not MyBatis' {@code File}-based loader.
 */
public final class ScriptFolder {

  private static final Pattern SCRIPT_NAME = Pattern.compile("(\\d+)_([^/\\\\]+)\\.sql");
  /** The changelog's {@code ID NUMERIC(20,0)}. */
  private static final int ID_DIGITS = 20;
  private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_\\-]{0,62}");
  private static final String DEFAULT_ENVIRONMENT = "development";
  private static final List<String> SPECIAL_FILES = List.of("bootstrap.sql", "onabort.sql");
  private static final List<String> SETTING_KEYS = List.of("time_zone", "delimiter", "script_char_set",
      "full_line_delimiter", "send_full_script", "auto_commit", "remove_crs", "ignore_warnings", "driver_path",
      "driver", "url", "username", "password");

  private final Path scripts;
  private final String location;
  private final boolean writable;
  private final String environment;
  private Properties variables;

  private ScriptFolder(Path scripts, String location, boolean writable, String environment) {
    this.scripts = scripts;
    this.location = location;
    this.writable = writable;
    this.environment = environment;
  }

  /** The repository folder that holds {@code scripts/}, as MyBatis' {@code --path} names it. */
  public static ScriptFolder at(Path repository) {
    Path scripts = repository.resolve("scripts");
    if (!Files.isDirectory(scripts)) {
      throw new InvalidArgument("No scripts/ folder in " + repository.toAbsolutePath().normalize()
          + ": --path must name a migrations repository (the folder that holds scripts/).");
    }
    return new ScriptFolder(scripts, scripts.toAbsolutePath().normalize().toString(), Files.isWritable(scripts),
        DEFAULT_ENVIRONMENT);
  }

  /** A repository packaged on the classpath under {@code resourceRoot} (for example {@code auth-migrations}). */
  public static ScriptFolder onClasspath(String resourceRoot, ClassLoader loader) {
    URL url = loader.getResource(resourceRoot + "/scripts");
    if (url == null) {
      throw new InvalidArgument("No migration scripts on the classpath at " + resourceRoot + "/scripts");
    }
    Path repository = toPath(url).getParent();
    if ("file".equals(url.getProtocol())) {
      return at(repository);
    }
    return new ScriptFolder(repository.resolve("scripts"), "classpath:" + resourceRoot + "/scripts", false,
        DEFAULT_ENVIRONMENT);
  }

  /**
   * The same scripts with the variables of {@code environments/<environment>.properties} (none but the
   * default {@code changelog} when there is no such file), as MyBatis' {@code --env} would read them.
   */
  public ScriptFolder forEnvironment(String environment) {
    if (!ENVIRONMENT_NAME.matcher(environment).matches()) {
      throw new InvalidArgument("Not an environment name: \"" + environment + "\"");
    }
    return new ScriptFolder(scripts, location, writable, environment);
  }

  /** Every migration, ordered by id. Refuses names MyBatis cannot parse and ids used twice. */
  public List<Migration> migrations() {
    Listing listing = list();
    listing.malformed().forEach((fileName, problem) -> {
      throw new MalformedScript(fileName, problem);
    });
    return listing.migrations();
  }

  /**
   * The scripts, refusing nothing: the well-named migrations ordered by id, and for each file whose name is
   * refused (MyBatis cannot parse it, or its id is taken) the problem, in file name order.
   */
  public record Listing(List<Migration> migrations, Map<String, String> malformed) {
    public Listing {
      migrations = List.copyOf(migrations);
      malformed = Collections.unmodifiableMap(new LinkedHashMap<>(malformed));
    }
  }

  public Listing list() {
    Map<MigrationId, String> seen = new HashMap<>();
    List<Migration> migrations = new ArrayList<>();
    Map<String, String> malformed = new LinkedHashMap<>();
    for (String fileName : sqlFileNames()) {
      if (!fileName.endsWith(".sql")) {
        malformed.put(fileName, "only names ending in .sql (lower case) are read, as MyBatis reads them, so it "
            + "would be ignored; rename it to end in .sql.");
        continue;
      }
      var matcher = SCRIPT_NAME.matcher(fileName);
      if (!matcher.matches()) {
        malformed.put(fileName, "the name must be <digits>_<description>.sql "
            + "(for example 20250101120000_add_phone_number.sql); rename it or use `new` to create scripts.");
        continue;
      }
      MigrationId id = MigrationId.of(matcher.group(1));
      int digits = id.value().precision();   // leading zeros do not count: the column stores the number
      if (digits > ID_DIGITS) {
        malformed.put(fileName, "its id has " + digits + " digits, and the changelog's ID column "
            + "(NUMERIC(20,0)) holds at most " + ID_DIGITS + "; rename it with a shorter id (new uses 14: "
            + "yyyyMMddHHmmss).");
        continue;
      }
      String clash = seen.putIfAbsent(id, fileName);
      if (clash != null) {
        malformed.put(fileName, "it has the same id " + id + " as " + clash
            + "; give one of them a new id (a later timestamp).");
        continue;
      }
      // MyBatis' own rule: the description is the file name's words, underscores read as spaces.
      migrations.add(new Migration(id, matcher.group(2).replace('_', ' '), fileName));
    }
    migrations.sort(null);
    return new Listing(migrations, malformed);
  }

  /** The whole file, as written; a file that is not UTF-8 is refused, naming the first byte that is not. */
  public String content(Migration migration) {
    return Utf8Text.decode(migration.fileName(), bytes(migration));
  }

  /** The checksum of the script's content, as {@code Checksum.of(content(migration))} gives it. */
  public String checksum(Migration migration) {
    return Checksum.ofFile(bytes(migration), bytes -> Utf8Text.decode(migration.fileName(), bytes));
  }

  private byte[] bytes(Migration migration) {
    try {
      Path file = scripts.resolve(migration.fileName());
      if (onDisk()) {
        // A stream, not Files.readAllBytes: its channel reads through a temporary direct buffer.
        try (InputStream in = new FileInputStream(file.toFile())) {
          return in.readAllBytes();
        }
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + migration.fileName(), e);
    }
  }

  /** The part MyBatis runs for {@code up}, variables replaced. */
  public String upSql(Migration migration) {
    return section(migration, false);
  }

  /** The part after {@code -- //@UNDO}, variables replaced; empty when there is none. */
  public String undoSql(Migration migration) {
    return section(migration, true);
  }

  /** {@code bootstrap.sql}, MyBatis' script for a database that predates migrations, variables replaced. */
  public Optional<String> bootstrapSql() {
    Migration bootstrap = new Migration(new MigrationId(java.math.BigDecimal.ZERO), "bootstrap", "bootstrap.sql");
    return Files.isRegularFile(scripts.resolve(bootstrap.fileName())) ? Optional.of(upSql(bootstrap)) : Optional.empty();
  }

  public String location() {
    return location;
  }

  /** The repository folder (the one that holds {@code scripts/}) on disk; empty for scripts packaged in a jar. */
  public Optional<Path> repository() {
    return location.startsWith("classpath:") ? Optional.empty() : Optional.of(scripts.getParent());
  }

  /** The {@code repeatable/} folder beside {@code scripts/} (see {@code RepeatableFolder}); it may not exist. */
  public Path repeatableFolder() {
    return scripts.getParent().resolve("repeatable");
  }

  public boolean isWritable() {
    return writable;
  }

  /** Where new scripts are written; only for a folder on disk. */
  public Path directory() {
    if (!writable && location.startsWith("classpath:")) {
      throw new InvalidArgument("The scripts at " + location + " are read-only (packaged in the jar); "
          + "pass --path to the migrations folder of your checkout to create scripts.");
    }
    if (!writable) {
      throw new StateConflict("Cannot create scripts in " + location + ": the folder is not writable by user "
          + System.getProperty("user.name") + " (permissions " + permissions() + "). Give that user write "
          + "permission on it, or pass --path to a migrations folder you can write.");
    }
    return scripts;
  }

  /** The folder's mode as {@code ls -l} shows it, with a note when the immutable attribute may be why. */
  private String permissions() {
    try {
      String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(scripts));
      return mode.contains("w") ? mode + ", yet not writable: a read-only mount or the immutable attribute" : mode;
    } catch (IOException | UnsupportedOperationException e) {
      return "unknown";
    }
  }

  public String variable(String name, String fallback) {
    return variables().getProperty(name, fallback);
  }

  /** {@code name}'s value in the environment file, when it is set there. */
  public Optional<String> optionalVariable(String name) {
    return Optional.ofNullable(variables().getProperty(name));
  }

  /** The file the variables come from, as messages name it: {@code environments/development.properties}. */
  public String environmentFile() {
    return "environments/" + environment + ".properties";
  }

  /**
   * {@code hooks/<fileName>} (a MyBatis hook's SQL) with its own {@code local} variables, then the environment's,
   * replaced as MyBatis' {@code SqlHookScript} replaces them; empty when there is no such file.
   */
  public Optional<String> hookSql(String fileName, Map<String, String> local) {
    Path file = scripts.getParent().resolve("hooks").resolve(fileName);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String text = Utf8Text.decode("hooks/" + fileName, Files.readAllBytes(file));
      return Optional.of(new VariableReplacer(List.of(local, variables())).replace(text));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read hooks/" + fileName, e);
    }
  }

  private String section(Migration migration, boolean undo) {
    byte[] bytes = content(migration).getBytes(StandardCharsets.UTF_8);
    try (InputStream in = new ByteArrayInputStream(bytes);
        Reader reader = new MigrationReader(in, StandardCharsets.UTF_8.name(), undo, variables())) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      for (int read; (read = reader.read(buffer)) != -1; ) {
        text.append(buffer, 0, read);
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + migration.fileName(), e);
    }
  }

  private List<String> sqlFileNames() {
    List<String> names = new ArrayList<>();
    for (String name : fileNames()) {
      if (name.toLowerCase(Locale.ROOT).endsWith(".sql") && !SPECIAL_FILES.contains(name)) {
        names.add(name);
      }
    }
    names.sort(null);
    return names;
  }

  /**
   * The folder's file names. On disk they come from one call ({@link File#list}): a stream of paths built an
   * object per entry, a tenth of status's start-up for a thousand scripts.
   */
  private List<String> fileNames() {
    String[] onDisk = onDisk() ? scripts.toFile().list() : null;
    if (onDisk != null) {
      return Arrays.asList(onDisk);
    }
    try (Stream<Path> files = Files.list(scripts)) {   // in the jar, or a folder java.io could not read: its error
      return files.map(path -> path.getFileName().toString().replace("/", "")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list " + location, e);
    }
  }

  private boolean onDisk() {
    return scripts.getFileSystem() == FileSystems.getDefault();
  }

  /** Read when first needed, so that a broken file troubles only the runs that target its environment. */
  private synchronized Properties variables() {
    if (variables == null) {
      Properties read = new Properties();
      read.setProperty("changelog", "changelog");
      Path file = scripts.getParent().resolve("environments").resolve(environment + ".properties");
      if (Files.isRegularFile(file)) {
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          values.load(reader);
        } catch (IOException | IllegalArgumentException e) {
          throw new InvalidArgument("Cannot read the variables of environments/" + environment + ".properties: "
              + e.getMessage());
        }
        values.stringPropertyNames().stream()
            .filter(key -> !SETTING_KEYS.contains(key))
            .forEach(key -> read.setProperty(key, values.getProperty(key)));
      }
      variables = read;
    }
    return variables;
  }

  private static Path toPath(URL url) {
    try {
      URI uri = url.toURI();
      // A jar's entries, or a native image's resources (the "resource:" file system, opened the same way).
      if ("jar".equals(uri.getScheme()) || "resource".equals(uri.getScheme())) {
        try {
          FileSystems.newFileSystem(uri, Map.of());
        } catch (FileSystemAlreadyExistsException alreadyOpen) {
          // Opened by an earlier call; Path.of below finds it.
        }
      }
      return Path.of(uri);
    } catch (URISyntaxException | IOException e) {
      throw new UncheckedIOException(new IOException("Cannot open the packaged scripts at " + url, e));
    }
  }
}
